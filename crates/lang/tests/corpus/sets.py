s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, 5 in s)
# ---
s = set([1, 2, 2, 3, 3, 3])
s.add(4)
s.discard(1)
s.discard(99)
print(sorted(s))
# ---
s = {1}
s.remove(2)
# ---
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
# ---
a = {1, 2}
print(sorted(a.union([5])), sorted(a.intersection({2, 9})), sorted(a.difference({1})), a.issubset({1, 2, 3}), a.issuperset({1}))
# ---
print(set(), {1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2}, set() == set([]))
# ---
print(sorted(set('mississippi')), len(set('mississippi')))
# ---
s = set()
print(len(s), bool(s), repr(s))
# ---
print({1, 1.0, True}, len({1, 1.0, True}))
# ---
s = {'b'}
s.update(['a', 'c'])
print(sorted(s), sorted({x % 3 for x in range(10)}))
# ---
s = {[1]}
# ---
s = {1, 2}
t = s.copy()
t.add(3)
print(sorted(s), sorted(t), s.isdisjoint({5}))
# ---
print(sorted({'banana', 'apple', 'cherry'}, reverse=True))
# ---
s = {5}
print(s.pop(), s)
# ---
print(frozenset([1, 2]) == {1, 2}, sorted(frozenset('ab')))
# ---
chosen = {'email', 'phone'}
print(sorted(chosen), 'email' in chosen, list(sorted(chosen))[0])
# ---
s = {1, 2, 3}
s -= {1}
s |= {9}
print(sorted(s))
