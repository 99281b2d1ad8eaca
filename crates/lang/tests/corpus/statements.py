x = 1
del x
print(x)
# ---
x = 1
if x:
    pass
print('pass ok')
# ---
a = b = 5
a += 1
print(a, b)
# ---
d = {'k': [1, 2]}
d['k'][0] += 10
d['k'] += [3]
print(d)
# ---
class O:
    pass
o = O()
o.n = 1
o.n += 2
o.lst = []
o.lst += ['x']
print(o.n, o.lst)
# ---
x = 5
y = 10 if x > 3 else 20
z = 'a' if x > 10 else 'b' if x > 4 else 'c'
print(y, z)
# ---
x = 15
if x < 10:
    print('small')
elif x < 20:
    print('medium')
elif x < 30:
    print('large')
else:
    print('huge')
# ---
if 0: print('no')
else: print('inline else')
# ---
x = 1; y = 2; print(x + y)
# ---
total = 0
i = 0
while True:
    i += 1
    if i > 100:
        break
    total += i
print(total)
# ---
value = (1 +
         2 +
         3)
s = 'a' \
    'b'
print(value, s)
# ---
data = [
    1,
    2,
]
print(data, {
    'k': 'v',
})
# ---
x = [1, 2, 3]
del x[0], x[0]
print(x)
# ---
d = {'a': 1, 'b': 2}
del d['a']
print(d, 'a' in d)
# ---
n = 0
def bump():
    global n
    n = n + 10
bump()
print(n)
# ---
# comment only line
x = 3  # trailing comment
print(x)
# ---
if True:
    if False:
        pass
    else:
        print('nested else')
# ---
x = 0
x = x or 5
y = None
y = y if y is not None else 'fallback'
print(x, y)
# ---
a = 1
a, b = a + 1, a + 2
print(a, b)
# ---
flag = not True
print(flag, not flag, -(-1), +True)
# ---
x = 10
x //= 3
x **= 3
x -= 0.5
print(x)
# ---
print('before')
raise SystemExit if False else ValueError('after print')
