a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[2:7], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::2])
# ---
a = list(range(10))
print(a[::-1], a[::-2], a[8:2:-2], a[-1:-4:-1], a[2:8:-1])
# ---
a = list(range(5))
print(a[10:], a[-10:2], a[3:1], a[:], a[-100:100])
# ---
s = 'abcdefgh'
print(s[2:5], s[::-1], s[-2:], s[::3], s[5:2:-1], s[:0] == '')
# ---
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[-1], type(t[1:3]) == tuple)
# ---
a = [1, 2, 3]
print(a[::0])
# ---
step = '12-step'
print(step[2:], step[:2], step[3:])
# ---
a = list(range(6))
a[::2] = ['x', 'y', 'z']
print(a)
# ---
a = list(range(6))
del a[::2]
print(a)
# ---
s = 'hello world'
i = s.index(' ')
print(s[:i], s[i + 1:], s[:i].upper() + s[i:])
# ---
print('abc'[-1], 'abc'[-3], [1, 2][-2])
# ---
print('abc'[-4])
# ---
a = [1, 2, 3, 4, 5]
a[1:4] = []
print(a)
a[1:1] = [7, 8]
print(a)
# ---
a = [1, 2, 3]
print(a[1.0])
# ---
print(range(10)[2:8:3], list(range(10)[2:8:3]), range(5)[-1])
# ---
print(a[1:2] if False else 'slice ok', [1, 2, 3, 4][True:])
