a, b = 1, 2
a, b = b, a
print(a, b)
# ---
a, b, c = 'xyz'
print(a, b, c)
# ---
(a, b), c = (1, 2), 3
print(a, b, c)
# ---
first, *rest = [1, 2, 3, 4]
print(first, rest)
# ---
*init, last = 'abcd'
print(init, last)
# ---
a, *mid, z = range(5)
print(a, mid, z)
# ---
a, b = [1, 2, 3]
# ---
a, b, c = (1, 2)
# ---
a, b = 5
# ---
x = y = z = 0
x += 1
print(x, y, z)
# ---
a = b = []
a.append(1)
print(b)
# ---
for (i, (x, y)) in enumerate([(1, 2), (3, 4)]):
    print(i, x + y)
# ---
d = {'k1': 'v1', 'k2': 'v2'}
for key, val in d.items():
    print(key + '->' + val)
# ---
print(*[1, 2, 3])
print(*'ab', sep='+')
# ---
combined = [*range(3), *'ab', 9]
print(combined, (*[1], 2))
# ---
x, = [42]
print(x)
# ---
values = {'a': 1, 'b': 2}
a, b = values.values()
print(a, b)
# ---
lst = [0, 0]
lst[0], lst[1] = 'p', 'q'
print(lst)
# ---
class O:
    pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
# ---
[a, b] = 'hi'
print(a, b)
# ---
m, n = divmod(100, 7)
print(m, n)
