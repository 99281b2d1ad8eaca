s = '  Hello World  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
# ---
print('xxhixx'.strip('x'), '--a--'.lstrip('-'), 'abc...'.rstrip('.'))
# ---
print('hello world'.upper(), 'HeLLo'.lower(), 'hello world'.title(), 'hello WORLD'.capitalize())
# ---
print('Hello'.swapcase(), 'ß'.upper(), 'İ'.lower() == 'i̇')
# ---
print('a,b,,c'.split(','), 'a b  c'.split(), ' x '.split(' '), 'abc'.split(','))
# ---
print('a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), ''.split(), ''.split(','))
# ---
print('l1\nl2\r\nl3'.splitlines(), 'x\n'.splitlines())
# ---
print(', '.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'))
# ---
print(', '.join([1, 2]))
# ---
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'aaa'.replace('a', ''))
# ---
print('hello'.find('l'), 'hello'.find('z'), 'hello'.rfind('l'), 'hello'.index('e'))
# ---
print('hello'.index('z'))
# ---
print('hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')), 'a.pdf'.endswith(('.doc', '.pdf')))
# ---
print('123'.isdigit(), '12a'.isdigit(), 'abc'.isalpha(), 'ab1'.isalnum(), '   '.isspace(), ''.isdigit())
# ---
print('Hello'.isupper(), 'HELLO'.isupper(), 'hello'.islower(), 'Hello World'.istitle())
# ---
print('banana'.count('a'), 'banana'.count('an'), 'banana'.count(''))
# ---
print('5'.zfill(3), '-5'.zfill(4), 'ab'.center(6, '*'), 'ab'.ljust(5) + '|', 'ab'.rjust(5, '.'))
# ---
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'), 'abc'.partition('x'))
# ---
print('hello world'.capitalize(), "they're bill's".title())
# ---
print('x'.join(['1', '2']).upper().replace('X', '+'))
# ---
s = 'First Name'
print(s.lower().replace(' ', '_'))
# ---
print('%s' % 'abc'.upper().center(9, '='))
# ---
print('abc'.encode() if False else 'abc'.casefold())
# ---
print('  indent'.expandtabs() if False else 'a\tb'.expandtabs(4))
# ---
print('Hello'.removeprefix('He'), 'Hello'.removesuffix('lo'), 'Hello'.removeprefix('x'))
# ---
print(callable('abc'.upper), 'abc'.upper())
# ---
print('abc'.nosuchmethod())
# ---
words = 'the quick brown fox'.split()
print(len(words), words[-1], [w.capitalize() for w in words])
# ---
print('a' in 'abc'.split(), 'Yes'.lower() in ('yes', 'y'))
# ---
print('  mixed Case  '.strip().lower().title())
