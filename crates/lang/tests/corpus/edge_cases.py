print(repr('\x7f'), repr('\x1b[0m'), repr('\u00a0'), repr('\u2028'), repr('é\n'), repr('\\'))
# ---
print(repr("'\""), repr("a'b"), repr('a"b'), repr('\r\t\x0b\x0c'))
# ---
print(1e-7, 1.5e-5, 0.0001234, 123456789012.0, 1234567890123456789.0, 2.5e-300)
# ---
print(float('1_000.5'), int('1_000'), int('0'), int('-0'), float('-0'), float('+1.5'))
# ---
print(int('1.5'))
# ---
print(float('1e400'), float('-1e400'), float('1e-400'))
# ---
print(f'{-0.0:.1f} {0.05:.1f} {0.15:.1f} {0.25:.1f} {0.35:.1f} {2.675:.2f}')
# ---
print(round(0.05, 1), round(0.15, 1), round(0.25, 1), round(0.35, 1), round(-0.5), round(-1.5))
# ---
print(f'{1234567.0:e} {0.0:e} {-1.5:E} {1e100:.3e} {12345:e}')
# ---
print(f'{100:,} {-1234567:,} {1234.5:,} {0.000123:,} {1e20:,.0f}')
# ---
print(f'{3:03} {-3:03} {3.5:07.2f} {-3.5:07.2f} {"x":03}')
# ---
print(f'{42:#x} {42:#o} {42:#b} {255:#X} {-255:x}')
# ---
print(f'{"left":<{8}}| {"r":>3}| {7:^5}| {-7:^5}| {7:=+5}|')
# ---
print(f'{0.1:g} {1e-5:g} {123456:g} {1234567:g} {1e16:g} {0.0:g} {100.0:g}')
# ---
print(f'{1.0:.0f} {0.5:.0f} {1.5:.0f} {-0.5:.0f} {1e15:.1f}')
# ---
print(f'{12:n} {1.5:n}', f'{True} {True:d} {False:>6}')
# ---
print(str(1e16), str(1.0e15), str(123456789.123456789), str(0.1 + 0.2 - 0.3))
# ---
print(repr(1e16), repr(-1e-16), 1e16 == 10 ** 16, float(10 ** 16))
# ---
print(3 * 1.1, 1.1 + 2.2, 2.2 * 3, 0.3 - 0.1, 100 * 1.1)
# ---
print(7.0 // 0.5, 7.0 % 0.5, -7.0 // 0.5, 7 % 2.5, -7 % 2.5, 1e300 * 10)
# ---
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
# ---
print(2 ** 62 + 2 ** 62 - 1)
# ---
print(divmod(-7.5, 2), divmod(7, -2), -7 // 2.0, 7 // -2.0)
# ---
print(abs(-9223372036854775807), -9223372036854775807 - 1)
# ---
print(True + 1.5, True * 'ab', [1] * True, 5 // True)
# ---
print(int(True), float(False), str(True).lower(), bool('0'))
# ---
print(1 < 2.5 < 'a' if False else 'chained skip', 2 == 2.0 == True if False else 0)
# ---
print('%5.1f%%' % 99.44, '%-5d|' % -3, '% d' % 5, '%+.2e' % 12345.678)
# ---
print('%s %s' % ([1, 'a'], {'k': (1, 2.0)}), '%r' % {'a': 'b'})
# ---
print('%x' % 3.5)
# ---
print('%(a)s %(a)r %(b)05.1f' % {'a': 'x', 'b': 2.25})
# ---
print('%s' % (1, 2))
# ---
print('{:>8.3f}|{:<+8d}|{:^8s}|{:08.3f}'.format(3.14159, 42, 'mid', -3.14159))
# ---
print('{0}{0}{1}'.format('ab', 'c'), '{a[1]}'.format(a=[5, 6]), '{:{}{}}'.format('x', '>', 4))
# ---
print('{0:.2%} {0:.0%} {1:%}'.format(0.5, 1))
# ---
print('{}'.format(None), '{!r}'.format(None), '{:10}|'.format(None) if False else 'skip')
# ---
print('{:d}'.format(True), '{:.1f}'.format(True), '{}'.format(True))
# ---
print('ß'.upper(), 'ﬁ'.upper(), 'Σ'.lower(), 'ÉCOLE'.lower(), 'straße'.casefold())
# ---
print('hello world'.title(), 'HELLO-WORLD_foo bar'.title(), "o'neil mc-donald".title(), '3rd place'.title())
# ---
print('  a  b  '.split(' '), '\ta\nb  c\r\n'.split(), 'a\u00a0b'.split(), '1,2,'.split(','))
# ---
print('abc'.split(''))
# ---
print('aXbXc'.split('X', 0), 'aXbXc'.split('X', -1), 'aXbXc'.rsplit('X', 1), '  a b '.rsplit(None, 1))
# ---
print('abc'.center(6), 'abc'.center(7, '-'), 'ab'.center(5, '*'), 'abc'.center(2))
# ---
print('Hello'.find('l', 3), 'Hello'.find('l', 4), 'Hello'.rfind('l', 0, 3), 'Hello'.find(''), 'Hello'.count('l', 3))
# ---
print('a1b2'.isalnum(), 'ä'.isalpha(), '²'.isdigit(), '½'.isnumeric(), '٣'.isdecimal(), ' '.isalnum())
# ---
print('  x  '.strip(' x'), 'xxaxx'.strip('x'), 'abc'.strip(''), '\n\t x \r\n'.strip())
# ---
print('abc'.startswith('b', 1), 'abc'.endswith('b', 0, 2), 'abc'.startswith(''), ''.endswith(''))
# ---
print('tHiS iS'.swapcase(), 'abc'.capitalize(), 'ABC DEF'.capitalize(), '123abc'.capitalize())
# ---
print('x'.join([]), 'x'.join(['a']), ''.join(reversed('abc')), ', '.join(str(i) for i in range(3)))
# ---
print('a{}b'.replace('{}', 'X'), 'aaa'.replace('a', 'b', 0), 'abc'.replace('', '-'), ''.replace('', 'x'))
# ---
print(str([1.0, 2.50, -0.0]), str((1.5,)), str({1.0: 2.0}), str({'a': None}))
# ---
print([1, 2] == (1, 2), [1] == [True], {'a': 1} == {'a': True}, (1, 2) != (1, 2.0))
# ---
print([3, 1] < [3, 1, 0], 'abc' < 'abd' < 'b', (1, 'a') < (1, 'b'), [[1]] < [[2]])
# ---
print(max('abc', 'abd'), max([1, 3], [2]), min((2, 'b'), (2, 'a')), max([], default=None))
# ---
print(sorted(['b', 'A', 'a', 'B', '_', '1']), sorted([0.5, -1, 3, True, False]))
# ---
print(sorted([('a', 2), ('b', 1), ('a', 1)], key=lambda t: t[0]), sorted('cba', key=None, reverse=False))
# ---
print(list(zip()), list(zip([1])), list(enumerate([], 5)), list(reversed([])), sum([]), any(()), all(()))
# ---
print(list(range(-5, 5, 3)), list(range(5, -5, -3)), range(3) == range(0, 3), len(range(10, 0)))
# ---
print(range(0, 10, 3)[-1], range(10)[::2], 9 in range(0, 10, 3), 10 in range(0, 10, 3), range(5).index(3))
# ---
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])), list(filter(lambda x: x, [0, '', 'a', [], [0]])))
# ---
print(isinstance(True, bool), isinstance(1, bool), isinstance(1.0, int), isinstance([], (list, tuple)))
# ---
print(abs(True), round(True), min(True, 0), -True, ~True if False else 'skip')
# ---
print(len({1: 2, 1.0: 3, True: 4}), {0: 'a', False: 'b', 0.0: 'c'})
# ---
d = {'a': 1}
d.update([('b', 2)], c=3)
print(d, dict([['x', 1]]), dict(d, z=0))
# ---
d = {'a': 1, 'b': 2}
for k in d:
    d[k] = d[k] * 10
print(d, list(d.items())[-1], len(d.keys()))
# ---
d = {'a': 1}
for k in d:
    d['new'] = 2
# ---
a = [1, 2, 3]
for x in a:
    if x == 1:
        a.remove(x)
print(a)
# ---
a = [1, 2, 3, 4]
print(a.pop(-2), a, a.insert(-1, 'x'), a, a.index(4), a.count('x'))
# ---
a = [3, 1, 2]
print(a.sort(key=lambda x: -x) or a, sorted(a, key=str), a * 2, 2 * a[:1])
# ---
a = [1, 2]
a[5:] = [9]
a[:0] = [0]
print(a, a[-1:-3:-1], a[len(a):])
# ---
s = {1, 2, 3}
print(sorted(s - {2}), s & {3, 4} == {3}, sorted(s | set()), s ^ s, s > {1}, s >= s)
# ---
print({1, 2} == frozenset({1, 2}), {'a'} | {'b'} == {'a', 'b'}, len({(1, 2), (1, 2)}))
# ---
t = (1, [2])
try:
    t[1] += [3]
except TypeError:
    print('TypeError', t)
# ---
x = [1, 2, 3]
y = x
x = x + [4]
y += [5]
print(x, y)
# ---
print(type(1) is int, type(True) is bool, type(range(1)) == range)
