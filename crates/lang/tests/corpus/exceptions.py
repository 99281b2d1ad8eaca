try:
    x = 1 / 0
except ZeroDivisionError:
    print('caught')
# ---
try:
    int('abc')
except ValueError as e:
    print('bad:', e)
# ---
try:
    d = {}
    d['k']
except KeyError as e:
    print('missing', e, repr(str(e)))
# ---
try:
    [][0]
except IndexError as e:
    print(type(e) == IndexError, str(e))
# ---
try:
    undefined_name
except NameError as e:
    print('NameError:', e)
# ---
class Thing:
    pass
t = Thing()
try:
    t.missing
except AttributeError:
    print('no attr')
# ---
try:
    raise ValueError('custom message')
except Exception as e:
    print(e, e.args)
# ---
raise ValueError('uncaught value error')
# ---
raise TypeError
# ---
raise KeyError('k')
# ---
try:
    print('body')
except ValueError:
    print('never')
else:
    print('else runs')
finally:
    print('finally runs')
# ---
def f():
    try:
        return 'from try'
    finally:
        print('cleanup')
print(f())
# ---
try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong handler')
except ValueError as e:
    print('outer caught', e)
# ---
try:
    raise RuntimeError('boom')
except (ValueError, RuntimeError) as e:
    print('tuple caught', e)
# ---
try:
    1 / 0
except Exception as e:
    print('generic', e)
# ---
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('converted')
except ValueError as e:
    print(e)
# ---
try:
    1 / 0
except ZeroDivisionError:
    raise
# ---
try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print('assert:', e)
# ---
assert 1 == 1
assert False, 'uncaught assertion'
# ---
assert []
# ---
def check(age):
    if age < 0:
        raise ValueError('age must be positive')
    return age
for a in [5, -1]:
    try:
        print(check(a))
    except ValueError as e:
        print('error:', e)
# ---
try:
    x = int('12')
except ValueError:
    x = 0
else:
    x += 1
print(x)
# ---
for i in range(3):
    try:
        if i == 1:
            continue
        print('i', i)
    finally:
        print('f', i)
# ---
try:
    raise Exception('base')
except Exception as e:
    msg = str(e)
print(msg)
# ---
try:
    {}['a']
except LookupError:
    print('lookup')
# ---
try:
    None.foo
except AttributeError as e:
    print('attr error')
# ---
try:
    'a' + 1
except TypeError as e:
    print(e)
# ---
e = None
try:
    raise ValueError('x')
except ValueError as err:
    e = err
print(isinstance(e, ValueError), isinstance(e, Exception), str(e))
# ---
class MyError(Exception):
    pass
try:
    raise MyError('mine')
except MyError as e:
    print('caught mine', e)
# ---
class MyError(ValueError):
    pass
raise MyError('custom uncaught')
# ---
try:
    raise NotImplementedError('todo')
except RuntimeError as e:
    print('NotImplementedError is a RuntimeError')
# ---
try:
    [1, 2].index(9)
except ValueError:
    print('not found')
finally:
    print('done')
# ---
def risky():
    raise IndexError('deep')
def middle():
    return risky()
try:
    middle()
except IndexError as e:
    print('propagated', e)
# ---
try:
    raise ValueError
except ValueError as e:
    print(repr(str(e)))
# ---
try:
    pass
finally:
    print('only finally')
# ---
x = 0
while True:
    try:
        x += 1
        if x > 3:
            break
    except Exception:
        pass
print(x)
# ---
raise StopIteration('s') if False else ZeroDivisionError('zd')
# ---
print(int(None))
# ---
print(None + 1)
# ---
print([1, 2] < 'a')
# ---
print({}['a' if True else 'b'])
