s = 'hello'
print(s, len(s), s[0], s[-1], s[1:3])
# ---
print('a' + 'b' + "c", 'ab' * 3)
# ---
print("it's", 'say "hi"', 'tab\there', 'new\\nline')
# ---
print('multi\nline')
# ---
print("""triple
quoted""", '''single triple''')
# ---
print(repr('abc'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
# ---
print(repr('tab\t'), repr('nl\n'), repr('back\\slash'), repr(''))
# ---
print(str(5), str(2.5), str(None), str(True), str([1, 'a']), str((1,)))
# ---
print('abc' < 'abd', 'a' < 'B', 'Z' < 'a', 'abc' == 'abc', 'ab' < 'abc')
# ---
print('ell' in 'hello', 'x' not in 'hello', '' in 'abc')
# ---
s = 'docassemble'
print(s[::-1], s[::2], s[1::3], s[-3:], s[:-3], s[100:], s[2:100])
# ---
print('abc'[5])
# ---
print('é', len('café'), 'café'.upper(), 'naïve'[2])
# ---
print('€100', len('€'), '日本語'[1], '日本語'[::-1])
# ---
x = 'a'
x += 'b'
x *= 2
print(x)
# ---
print(ord('A'), chr(66), ord('é'), chr(8364))
# ---
print('a' 'b' 'c')
# ---
s = 'line one\nline two\n'
for part in s.split('\n'):
    print(repr(part))
# ---
print('abc' + 1)
# ---
print(1 + 'abc')
# ---
print(str(), repr(str()), bool(''), bool(' '))
# ---
s = 'hello'
s[0] = 'j'
# ---
print(r'raw\n', len(r'\n'), '\x41\u00e9')
# ---
print('%' in '50%', 'a,b'.count(','), 'x'.join('abc'))
# ---
name = 'World'
greeting = 'Hello, ' + name + '!'
print(greeting)
# ---
print(str(123) + ' items', 'Total: ' + str(12.50))
# ---
print(min('hello'), max('hello'), sorted('hello'))
# ---
print(list('abc'), tuple('ab'), set('aa') == {'a'})
# ---
print('abc' * 2 == 'abcabc', 'a' * 3 + 'b' * 2)
# ---
for ch in 'hey':
    print(ch, end='-')
print()
