print(len('abc'), len([1, 2]), len({'a': 1}), len((1,)), len(set()), len(range(7)))
# ---
print(str(1), int('5'), float('2.5'), bool(0), list('ab'), tuple([1]), dict(a=1), sorted(set([2, 1])))
# ---
print(list(enumerate('ab')), list(zip([1, 2], [3, 4], [5, 6])), list(zip([1, 2, 3], 'ab')))
# ---
print(sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True), list(reversed('abc')))
# ---
print(min([4, 2, 8]), max('apple', 'pear'), min([], default=0), max([1, 5], default=9))
# ---
print(max([]))
# ---
print(sum([1.5, 2.5]), sum([[1], [2]], []), abs(-3), round(2.567, 2))
# ---
print(any([0, '', None]), any([0, 'x']), all([1, 'a', [0]]), all([1, 0]))
# ---
print(isinstance(1, int), isinstance(1.0, float), isinstance('s', str), isinstance([], list), isinstance({}, dict), isinstance((), tuple))
# ---
print(isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, int)), isinstance(None, object))
# ---
print(repr('a'), repr(1.0), repr(None), repr([1, 'b']), repr({'k': (1,)}))
# ---
print(format(1234.5678, '.2f'), format(0.5, '.0%'), format(42, 'x'))
# ---
print(type(1) == int, type('') == str, type([]) == list, type(None) == type(None), type(1.0) is float)
# ---
print(str(type(1)), type('a'), type([]), type({}), type(None), type(len))
# ---
print(hash(1) == hash(1.0), hash('a') == hash('a'))
# ---
print(list(map(len, ['a', 'bb'])), list(filter(str.isdigit, ['1', 'a', '22'])))
# ---
print(chr(97), ord('a'), str('no bytes'))
# ---
print(pow(2, 10), pow(2, 10, 1000), pow(2.0, -1))
# ---
print(range(3), list(range(1, 4)), tuple(range(2)))
# ---
print(int('  7  ') + int(3.9) + int('-0'), float('-inf'), float('1e3'))
# ---
print(int(''))
# ---
print(bool([]), bool([[]]), str(bool), list(), dict(), tuple())
# ---
print(sorted([1, 'a']))
# ---
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
# ---
print(len(str(12345)), str(12345)[::-1], int(str(12345)[::-1]))
# ---
print(next(iter([1, 2])), list(iter('ab')))
# ---
it = iter([1])
next(it)
next(it)
# ---
print(len, str(len) == repr(len))
# ---
print(nonexistent_function(1))
# ---
print(round(5.5), round(6.5), round(-5.5), round(0.1 + 0.2, 10))
# ---
x = [3, 1]
print(sorted(x, key=None), list(sorted(x)), x)
# ---
print(all(isinstance(v, str) for v in ['a', 'b']), any(v == 'b' for v in 'abc'))
# ---
print(str(3) * 2, int('3') * 2, float('3') * 2)
# ---
print(list(dict.fromkeys('banana')), list(reversed(range(3))))
# ---
print(ascii('é') if False else repr('é'), repr('\x00'), repr('ü\u200b'))
# ---
print(bool(float('nan')), min(1, 2.0), max(2, 2.0), min(2.0, 2))
# ---
print(hash(True) == hash(1), hash(-1.0) == hash(-1), hash(0.0) == hash(0) == hash(False), hash(2.0) == hash(2))
d = {(1, 2): 'a'}
print(d[(1.0, 2.0)], hash((1, 2)) == hash((1.0, 2.0)), {1: 'x'}[1.0], {1.0: 'y'}[True])
