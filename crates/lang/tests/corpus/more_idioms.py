groups = {}
for name, team in [('ann', 'red'), ('bob', 'blue'), ('cy', 'red')]:
    groups.setdefault(team, []).append(name)
print(groups)
# ---
try:
    try:
        raise KeyError('inner')
    except KeyError as e:
        raise ValueError('outer') from e
except ValueError as e:
    print('caught', e)
# ---
print(repr(ValueError('x')), repr(KeyError('k')), str(KeyError('k')), str(ValueError()), repr(Exception('a', 1)))
# ---
def f():
    try:
        raise ValueError('a')
    finally:
        return 'finally wins'
print(f())
# ---
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('cleanup', i)
print('after', i)
# ---
try:
    raise ValueError('first')
except ValueError:
    try:
        raise TypeError('second')
    except TypeError as e:
        print('nested', e)
print('done')
# ---
class O:
    pass
o = O()
o.name = 'Ann'
o.items = ['x', 'y']
print('{0.name} has {0.items[1]}'.format(o), '{p.name}'.format(p=o))
# ---
d = {'key': 'v', 'n': 3}
print('{d[key]} {d[n]:>3}'.format(d=d))
# ---
x = 5
print(f'{x=}', f'{x + 1 = }', f'{x=:>4}')
# ---
from datetime import date as d
import math as m
print(d(2020, 1, 2), m.floor(2.5))
# ---
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(0) < val(3), calls)
# ---
calls = []
def check(v):
    calls.append(v)
    return v > 1
print(any(check(v) for v in [0, 2, 5]), calls)
# ---
print(*[])
print('a', 'b', sep=None, end=None)
print('x', sep='', end='\n\n')
# ---
for i, v in enumerate(['a', 'b'], start=10):
    print(i, v)
# ---
print(int('ff', 16), int('101', 2), int('0x1f', 16), int('z', 36), int('  12\n'))
# ---
print(int('12', 1))
# ---
a = [1, 2, 3, 4, 5, 6]
for i in range(len(a) - 1, -1, -1):
    if a[i] % 2 == 0:
        del a[i]
print(a)
# ---
scores = {'ann': 90, 'bob': 85, 'cy': 90, 'di': 70}
ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
print(ranked, [n for n, s in ranked if s == ranked[0][1]])
# ---
print(min([], key=len, default='none'), max(['aa', 'b', 'cc'], key=len), min(['aa', 'b', 'cc'], key=len))
# ---
import copy
a = [[1, 2], {'k': [3]}]
b = copy.deepcopy(a)
c = copy.copy(a)
b[0].append(9)
c[1]['k'].append(4)
print(a, b, c)
# ---
import string
print(string.ascii_uppercase[:5], string.digits, len(string.ascii_letters))
# ---
from collections import OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
print(list(od.keys()), list(od.items()), od['a'])
# ---
def apply_discount(price, pct=10):
    if not 0 <= pct <= 100:
        raise ValueError('bad percentage: %d' % pct)
    return round(price * (100 - pct) / 100, 2)
print(apply_discount(19.99), apply_discount(100, pct=25))
apply_discount(5, 150)
# ---
def walk(n):
    return [n] if n <= 1 else [n] + walk(n // 2)
print(walk(40))
# ---
x = 0
def outer():
    def inner():
        global x
        x += 5
    inner()
outer()
print(x)
# ---
n = 0
while n < 10:
    n += 3
    if n == 6:
        break
else:
    print('no break')
print(n)
# ---
income_sources = ['wages', 'benefits']
other = ''
description = ', '.join(income_sources) + (' and ' + other if other else '')
print(description.capitalize() + '.')
# ---
address = {'street': '123 Main St', 'unit': '', 'city': 'Springfield', 'state': 'IL', 'zip': '62704'}
line1 = address['street'] + (', ' + address['unit'] if address['unit'] else '')
line2 = '%s, %s %s' % (address['city'], address['state'], address['zip'])
print(line1 + '\n' + line2)
# ---
phone = '555.123.4567'
digits = ''.join(c for c in phone if c.isdigit())
print('(%s) %s-%s' % (digits[:3], digits[3:6], digits[6:]))
# ---
amount = '1,234.50'
value = float(amount.replace(',', '').replace('$', ''))
print(value, value * 2, '%.2f' % value)
# ---
names = ['  ann ', 'BOB', 'cy  ']
print([n.strip().title() for n in names if n.strip()])
# ---
def yesno(v):
    return 'Yes' if v else 'No'
answers = {'married': True, 'children': False, 'employed': None}
for k in sorted(answers):
    print('%-10s %s' % (k.capitalize() + ':', yesno(answers[k])))
# ---
tiers = [(0, 'none'), (1000, 'low'), (5000, 'mid'), (20000, 'high')]
def tier(amount):
    result = tiers[0][1]
    for threshold, label in tiers:
        if amount >= threshold:
            result = label
    return result
print([tier(a) for a in [0, 999, 1000, 7500, 1e6]])
# ---
household = [{'age': 34}, {'age': 7}, {'age': 70}, {'age': 17}]
adults = sum(1 for p in household if p['age'] >= 18)
seniors = len([p for p in household if p['age'] >= 65])
print(adults, seniors, len(household) - adults)
# ---
months = ['Jan', 'Feb', 'Mar']
amounts = [100.0, 250.5, 0]
for m, a in zip(months, amounts):
    print(f'{m}: {a:>8,.2f}')
print(f'{"Total":<4}: {sum(amounts):>8,.2f}')
# ---
s = 'The Quick Brown Fox'
print(s.lower().split(), '_'.join(s.lower().split()), s[:3].upper(), s.count('o'), s.find('Quick'))
# ---
matrix = [[1, 2], [3, 4], [5, 6]]
print([sum(r) for r in matrix], [sum(c) for c in zip(*matrix)], list(map(list, zip(*matrix))))
# ---
keys = ['a', 'b', 'c']
vals = [1, 2]
print(dict(zip(keys, vals)), {k: v for k, v in zip(keys, vals) if v > 1})
# ---
x = None
print(x or 'n/a', (x or {}).get('k'), [] or None, 0 or '' or 'last')
# ---
def fmt_list(items, conj='and'):
    items = list(items)
    if len(items) < 3:
        return (' %s ' % conj).join(items)
    return ', '.join(items[:-1]) + ', %s %s' % (conj, items[-1])
print(fmt_list(['a']), '|', fmt_list(['a', 'b'], 'or'), '|', fmt_list('xyz'))
# ---
words = 'apple Banana cherry apple banana'.split()
seen = []
for w in words:
    if w.lower() not in seen:
        seen.append(w.lower())
print(seen, len(set(w.lower() for w in words)))
# ---
print(any(True for _ in range(10**12)), all(False for _ in range(10**12)))
# ---
print(next(x for x in range(10**12) if x > 5), next((x for x in [] if x), 'default'))
# ---
g = (i * i for i in range(5))
print(next(g), next(g), list(g), sum(i for i in range(4)))
# ---
for i in range(10**12):
    if i == 3:
        break
print(i, 10**12 in range(10**12 + 1), len(range(10**12)))
