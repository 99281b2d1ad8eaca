print([x * x for x in range(6)])
# ---
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
# ---
print([(x, y) for x in range(3) for y in range(x)])
# ---
print({x: x * x for x in range(4)}, {k: v for k, v in [('a', 1), ('b', 2)]})
# ---
print(sorted({c.lower() for c in 'HeLLo'}))
# ---
print(sum(x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']))
# ---
g = (x * 2 for x in [1, 2, 3])
print(list(g), list(g))
# ---
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
# ---
x = 'outer'
r = [x for x in range(3)]
print(x, r)
# ---
print([y for y in range(3) if y > 5], [i for i in []])
# ---
people = [{'name': 'A', 'kids': 2}, {'name': 'B', 'kids': 0}]
print([p['name'] for p in people if p['kids']])
# ---
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, 0]), any([]), all([]))
# ---
words = ['apple', 'Banana', 'cherry']
print([w.upper() if len(w) > 5 else w for w in words])
# ---
n = 3
print([[0] * n for _ in range(n)])
# ---
print([z for z in range(3)], z)
# ---
print({i % 2: i for i in range(5)})
# ---
print([a + b for a, b in zip('abc', 'xyz')], [i * v for i, v in enumerate([5, 6, 7])])
# ---
nested = [[1, 2], [3], [], [4, 5, 6]]
print([x for sub in nested for x in sub])
# ---
print(', '.join(str(i) for i in range(4)))
# ---
def f(k):
    return [k * i for i in range(3)]
print(f(2), [f(i)[1] for i in range(3)])
# ---
print([1 / x for x in [1, 0]])
# ---
print(list(x for x in 'ab'), tuple(i for i in range(3)), set(i for i in [1, 1]))
