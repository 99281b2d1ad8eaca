sq = lambda x: x * x
print(sq(4), (lambda: 'no args')(), (lambda a, b=2: a + b)(1))
# ---
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
# ---
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(6))))
# ---
print(list(map(str, [1, 2])), list(map(int, ['3', '4'])), list(filter(None, [0, 1, '', 'a', None])))
# ---
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])))
# ---
fns = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fns])
# ---
fns = [lambda x: x + i for i in range(3)]
print([f(10) for f in fns])
# ---
compose = lambda f, g: lambda x: f(g(x))
h = compose(str.upper, str.strip)
print(h('  hi  '))
# ---
people = [{'n': 'b', 'a': 3}, {'n': 'a', 'a': 3}, {'n': 'c', 'a': 1}]
print([p['n'] for p in sorted(people, key=lambda p: (p['a'], p['n']))])
# ---
print((lambda *a, **k: (a, k))(1, 2, z=3))
# ---
f = lambda x: x.upper()
print(f(5))
# ---
print(max(['aa', 'b', 'cccc'], key=lambda s: len(s)), min([3, -5, 2], key=abs))
# ---
print(', '.join(map(lambda x: '`' + x + '`', ['a.md', 'b.md'])))
