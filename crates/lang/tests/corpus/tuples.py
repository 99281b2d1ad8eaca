t = (1, 'a', 2.5)
print(t, len(t), t[1], 'a' in t)
# ---
print((), (1,), (1, 2), tuple([1, 2]), 1,)
# ---
t = (1, 2)
t[0] = 5
# ---
a = (1, 2) + (3,)
print(a, a * 2, a.count(1), a.index(3))
# ---
print((1, 2) < (1, 3), (2,) > (1, 9), (1, 2) == (1, 2), (1, 2) == [1, 2])
# ---
t = 1, 2, 3
print(t, type(t) == tuple)
# ---
pair = ('x', 10)
name, value = pair
print(name, value)
# ---
points = [(1, 2), (3, 4)]
print([x + y for x, y in points], sorted(points, reverse=True))
# ---
t = ([1], 2)
t[0].append(3)
print(t)
# ---
print(repr((1,)), str(('a', "b'c")), tuple())
# ---
d = {(1, 2): 'pair'}
print(d[(1, 2)], d[1, 2])
# ---
print(max([(1, 'b'), (1, 'a'), (0, 'z')]), min((3, 1, 2)))
# ---
print((1, 2).index(5))
