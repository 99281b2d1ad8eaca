fruits = ['apple', 'banana']
fruits.append('cherry')
print(fruits, len(fruits), fruits[0], fruits[-1])
# ---
a = [3, 1, 2]
a.extend([5, 4])
a.insert(0, 9)
a.insert(100, 7)
print(a)
# ---
a = [1, 2, 3, 2]
a.remove(2)
print(a, a.pop(), a.pop(0), a)
# ---
a = [1, 2]
a.remove(5)
# ---
print([].pop())
# ---
a = ['x', 'y', 'z']
print(a.index('y'), a.count('x'), 'z' in a, 'w' not in a)
# ---
print([1, 2].index(3))
# ---
a = [5, 2, 8, 1]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
# ---
a = [1, 2, 3]
b = a
b.append(4)
c = a.copy()
c.append(5)
print(a, b, c, a is b, a is c, a == b)
# ---
a = [1, 2, 3]
a.clear()
print(a, len(a), bool(a), bool([0]))
# ---
print([1, 2] + [3], [0] * 4, [[1]] * 2, [1, 2] * 0)
# ---
a = [1, [2, 3], 'four', 5.0, None, True]
print(a, repr(a), str(a))
# ---
a = [10, 20, 30]
a[1] = 99
a[-1] += 1
print(a)
# ---
a = [10, 20, 30]
a[3] = 1
# ---
a = [10, 20, 30]
print(a[3])
# ---
a = [1, 2, 3, 4, 5]
del a[1]
del a[-1]
print(a)
del a[0:2]
print(a)
# ---
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [], [1] != [1.0])
# ---
print(list(), list((1, 2)), list('ab'), list(range(3)), list({'a': 1, 'b': 2}))
# ---
a = [3, 1, 2]
b = sorted(a)
print(a, b)
# ---
a = [[1, 2], [3, 4]]
a[1][0] = 'x'
print(a, a[0][1])
# ---
items = []
for i in range(5):
    if i % 2 == 0:
        items.append(i * i)
print(items, sum(items), max(items))
# ---
a = [1, 2]
a += [3]
a += (4,)
a += 'ab'
print(a)
# ---
a = [1]
print(a + (2,))
# ---
people = [{'name': 'Ann', 'age': 30}, {'name': 'Bob', 'age': 25}]
total = 0
for p in people:
    total += p['age']
print(total, [p['name'] for p in people])
# ---
a = list(range(10))
print(a[2:5], a[::3], a[-2:], a[:0])
# ---
a = [1, 2, 3, 4]
a[1:3] = ['x']
print(a)
# ---
print(len([]), len([[]]), [None] * 2)
# ---
a = [1, 2, 3]
print(a.pop(5))
# ---
a = ['b', 'a']
print(a.sort(), a)
# ---
x = [1, 2, 3]
y = x[:]
y[0] = 0
print(x, y)
# ---
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
# ---
nums = [4, 8, 15, 16, 23, 42]
print(min(nums), max(nums), sum(nums) / len(nums))
