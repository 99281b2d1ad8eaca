d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], 'b' in d, 'z' in d)
# ---
d = {'a': 1}
print(d['missing'])
# ---
d = {'a': 1}
print(d.get('a'), d.get('x'), d.get('x', 0), d.get('x', []))
# ---
d = {'b': 2, 'a': 1, 'c': 3}
print(list(d.keys()), list(d.values()), list(d.items()))
# ---
d = {'x': 1, 'y': 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '=', v)
# ---
d = {'a': 1, 'b': 2}
d.update({'b': 20, 'c': 30})
d.update(e=5)
print(d)
# ---
d = {'a': 1, 'b': 2}
print(d.pop('a'), d, d.pop('zz', 'dflt'))
# ---
d = {}
d.pop('nope')
# ---
d = {'a': 1}
print(d.setdefault('a', 5), d.setdefault('b', 7), d)
# ---
d = {'a': 1, 'b': 2}
del d['a']
print(d)
del d['q']
# ---
print(dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}), dict())
# ---
print(dict(zip(['a', 'b'], [1, 2])))
# ---
d = {1: 'int', 2.5: 'float', 'k': 'str', (1, 2): 'tuple', None: 'none', True: 'bool'}
print(d)
# ---
print({1: 'a', 1.0: 'b'}, {True: 'x', 1: 'y'})
# ---
d = {'a': 1}
d['a'] += 10
print(d)
# ---
prices = {'apple': 1.25, 'pear': 0.5}
order = ['apple', 'pear', 'apple']
total = sum(prices[f] for f in order)
print('Total: $%.2f' % total)
# ---
d = {'x': {'y': {'z': 1}}}
print(d['x']['y']['z'], d['x'].get('q', {}).get('r', 'none'))
# ---
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 1.0})
# ---
d = {'z': 1, 'a': 2}
print(sorted(d), sorted(d.items()), sorted(d, key=lambda k: d[k]))
# ---
d = {'a': 1}
c = d.copy()
c['b'] = 2
print(d, c)
# ---
d = {'a': [1]}
print({k: v for k, v in d.items()}, dict.fromkeys(['x', 'y'], 0))
# ---
d = {[1]: 2}
# ---
d = {'a': 1, 'b': 2}
d.clear()
print(d, bool(d), bool({0: 0}))
# ---
d = dict(a=1)
print(d.popitem(), d)
# ---
counts = {}
for w in 'the cat and the hat and the bat'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
# ---
d = {'b': 1, 'a': 2}
d['b'] = 3
print(d, list(d))
# ---
d = {'one': 1}
print(repr(d), str(d), {'q': "it's"})
# ---
print('a' in {'a': 1}.keys(), 1 in {'a': 1}.values(), ('a', 1) in {'a': 1}.items())
# ---
d = {'x': 1}
for k in list(d):
    d[k + k] = 2
print(d)
# ---
print({**{'a': 1}, 'b': 2, **{'a': 3}})
# ---
inv = {'apple': 3, 'kiwi': 0}
in_stock = [k for k, v in inv.items() if v > 0]
print(in_stock, len(inv), max(inv, key=inv.get))
# ---
d = {'k': 1}
print(d.keys(), d.values(), d.items())
