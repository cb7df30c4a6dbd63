#### try_except_basic
try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', type(e).__name__, e, e.args)
#### except_tuple
for exc in (ValueError('v'), KeyError('k'), IndexError('i')):
    try:
        raise exc
    except (ValueError, KeyError) as e:
        print('VK', repr(e))
    except LookupError as e:
        print('lookup', repr(e))
#### except_order_hierarchy
try:
    raise FileNotFoundError(2, 'No such file or directory', 'x.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
#### else_finally
def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print('div0')
        return None
    else:
        print('else', r)
        return r
    finally:
        print('finally')
f(2); f(0)
#### reraise
try:
    try:
        raise ValueError('inner')
    except ValueError:
        print('handling')
        raise
except ValueError as e:
    print('outer', e)
#### raise_from
try:
    try:
        {}['x']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(e, repr(e.__cause__))
#### custom_exception
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(42, 'bad thing')
except Exception as e:
    print(type(e).__name__, e.code, str(e), e.args, isinstance(e, MyError))
#### custom_exception_default_init
class E(ValueError): pass
try:
    raise E('a', 2)
except ValueError as e:
    print(str(e), repr(e), e.args)
#### exception_str_forms
print(str(Exception()), str(Exception('a')), str(Exception('a', 1)), repr(ValueError()), repr(KeyError('k')), str(KeyError('k')))
#### raise_class
try:
    raise IndexError
except IndexError as e:
    print('got', repr(e), e.args)
#### uncaught_custom
class Boom(Exception): pass
raise Boom('x')
#### exception_variable_cleared
try:
    raise ValueError()
except ValueError as err:
    pass
try:
    err
except NameError:
    print('err unbound')
#### nested_finally
def f():
    try:
        try:
            raise KeyError('a')
        finally:
            print('inner finally')
    except KeyError:
        print('caught')
    finally:
        print('outer finally')
f()
#### type_errors
for thunk in (lambda: 1 + 'a', lambda: len(5), lambda: None(), lambda: [][0], lambda: {}.x):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
#### stop_iteration
it = iter([1])
print(next(it))
print(next(it, 'default'))
next(it)
#### not_implemented_error
class Base:
    def run(self):
        raise NotImplementedError('subclass must implement')
try:
    Base().run()
except NotImplementedError as e:
    print('NIE', e, isinstance(e, RuntimeError))
#### exception_hierarchy_checks
print(issubclass(KeyError, LookupError), issubclass(FileNotFoundError, OSError), issubclass(ValueError, Exception), issubclass(Exception, BaseException), issubclass(UnicodeDecodeError, ValueError), IOError is OSError)
#### bare_except
try:
    int('x')
except:
    print('bare')
#### raise_non_exception
raise 5
#### exception_in_handler
try:
    try:
        raise ValueError
    except ValueError:
        raise TypeError('from handler')
except TypeError as e:
    print('got', e, type(e.__context__).__name__)
#### system_exit
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
#### unicode_decode_error
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError:
    print('decode error')
except ValueError:
    print('value error')
#### keyboard_not_caught_by_exception
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print('wrong')
except BaseException as e:
    print('base', type(e).__name__)
#### try_in_loop_continue
for i in range(3):
    try:
        if i == 1:
            raise ValueError
        print('ok', i)
    except ValueError:
        continue
    finally:
        print('fin', i)
#### zero_division_messages
for f in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0):
    try:
        f()
    except ZeroDivisionError as e:
        print(e)
#### attribute_error_message
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    'x'.foo()
except AttributeError as e:
    print(e)
#### import_error
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
#### cause_context_and_suppress_context
try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise ValueError('quiet') from None
except ValueError as e:
    print(e.__suppress_context__, e.__cause__, type(e.__context__).__name__)
e = ValueError('x')
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, e.__context__)
