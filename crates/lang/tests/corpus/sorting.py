print(sorted([5, 2, 9, 1]), sorted([5, 2, 9, 1], reverse=True))
# ---
names = ['bob', 'Alice', 'carol', 'Dave']
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=len))
# ---
people = [('Ann', 30), ('Bob', 25), ('Cy', 30), ('Di', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
# ---
a = [3, 1, 2]
a.sort(key=lambda x: -x)
print(a)
# ---
words = ['banana', 'Apple', 'cherry']
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
# ---
print(sorted([2.5, 1, 3, -1.5]), sorted([True, False, 2]))
# ---
print(sorted([[2, 'b'], [1, 'z'], [2, 'a']]))
# ---
print(sorted({'b': 2, 'a': 1}.items(), key=lambda kv: kv[1], reverse=True))
# ---
d = {'x': 3, 'y': 1, 'z': 2}
print([k for k, v in sorted(d.items(), key=lambda kv: kv[1])])
# ---
print(sorted([None, 1]))
# ---
recs = [{'name': 'b', 'amount': 10}, {'name': 'a', 'amount': 10}, {'name': 'c', 'amount': 5}]
for r in sorted(recs, key=lambda r: r['amount']):
    print(r['name'])
# ---
print(sorted('Hello World'.split(), key=lambda w: w[-1]))
# ---
print(sorted(['10', '9', '100']), sorted(['10', '9', '100'], key=int))
# ---
print(sorted((3, 2, 1)), sorted(range(5), reverse=True)[:2], sorted([]))
# ---
print(sorted([1, 2], key=lambda x: x.nope))
