for i in range(3):
    print(i)
# ---
for i in range(2, 10, 3):
    print(i, end=' ')
print()
for i in range(5, 0, -2):
    print(i, end=' ')
print()
# ---
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print(i)
# ---
for i in range(3):
    pass
else:
    print('for-else ran', i)
# ---
for i in range(5):
    if i == 2:
        break
else:
    print('not printed')
print('broke at', i)
# ---
n = 0
while n < 3:
    n += 1
else:
    print('while-else', n)
# ---
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j)
# ---
total = 0
for x in [1, 2, 3, 4]:
    if x % 2:
        continue
    total += x
print(total)
# ---
for i, v in enumerate(['a', 'b', 'c']):
    print(i, v)
for i, v in enumerate(['a', 'b'], 1):
    print(i, v)
# ---
for a, b in zip([1, 2, 3], 'xy'):
    print(a, b)
# ---
for k, v in sorted({'b': 1, 'a': 2}.items()):
    print(k, v)
# ---
for i in []:
    print('never')
print('empty loop ok')
# ---
print(range(5), list(range(0)), list(range(-3)), len(range(0, 10, 3)), 3 in range(5))
# ---
x = 10
while x:
    x //= 2
    print(x)
# ---
result = []
for ch in 'abc':
    for n in range(2):
        result.append(ch * (n + 1))
print(result)
# ---
a = [1, 2, 3]
for x in a:
    x *= 10
print(a)
# ---
for i in range(3):
    i = 100
    print(i)
# ---
items = ['x', 'y', 'z']
for i in range(len(items)):
    print(str(i + 1) + '. ' + items[i])
# ---
data = {'apples': 3, 'pears': 0, 'kiwis': 5}
for fruit in data:
    if data[fruit] == 0:
        continue
    print(fruit)
# ---
found = None
for p in [{'n': 'a', 'ok': False}, {'n': 'b', 'ok': True}]:
    if p['ok']:
        found = p['n']
        break
print(found)
# ---
print(list(range(10, 0, -3)), list(range(1, 2, 5)), range(0, 10, 2)[3])
# ---
range(1, 2, 0)
# ---
for x in 5:
    pass
# ---
count = 0
for i in range(100):
    for j in range(100):
        count += 1
print(count)
