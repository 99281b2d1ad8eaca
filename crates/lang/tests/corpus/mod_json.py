import json
print(json.dumps({'a': 1, 'b': [1, 2, None], 'c': True, 'd': 'x'}))
# ---
import json
print(json.dumps([1, 2.5, 'é', "q\"uote"]), json.dumps('tab\t'))
# ---
import json
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps({'a': [1, {'b': 2}]}, indent=2))
# ---
import json
d = json.loads('{"name": "Ann", "kids": [1, 2], "ok": true, "none": null, "f": 1.5}')
print(d, d['kids'][1], d['ok'])
# ---
import json
print(json.loads('[1, "two", 3.0]'), json.loads('"s"'), json.loads('42'))
# ---
import json
json.loads('{bad json}')
# ---
import json
print(json.dumps((1, 2)), json.dumps({1: 'int key'}), json.dumps(None))
# ---
import json
data = json.loads(json.dumps({'x': [1, 2, 3]}))
print(data == {'x': [1, 2, 3]}, sum(data['x']))
# ---
import json
print(json.dumps({'a': 1}, separators=(',', ':')), json.dumps('€', ensure_ascii=False))
# ---
import json
print(json.dumps({1, 2}))
