#### datetime_batch_0
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: D(2020, 1, 31))
show(lambda: repr(D(2020, 1, 31)))
show(lambda: str(D(2020, 1, 31) + TD(days=30)))
show(lambda: str(D(2020, 1, 31) + TD(weeks=5)))
show(lambda: D(2020, 1, 31).strftime('%Y-%m-%d %a %b %j %A %B %d/%m/%y'))
show(lambda: (D(2021, 3, 1) - D(2020, 3, 1)).days)
show(lambda: D(2020, 1, 31).isoformat())
show(lambda: D(2020, 1, 31).weekday())
show(lambda: D(2020, 1, 31).isoweekday())
show(lambda: DT(2020, 2, 29, 13, 5, 9).strftime('%H:%M:%S %I%p'))
show(lambda: DT(2020, 2, 29, 13, 5, 9).isoformat())
show(lambda: str(DT(2020, 2, 29, 13, 5, 9)))
show(lambda: str(TD(hours=25, minutes=3)))
show(lambda: str(TD(days=-1)))
show(lambda: TD(seconds=90).total_seconds())
show(lambda: str(D(2020, 1, 31).replace(year=2021)))
show(lambda: tuple(D(2021, 1, 1).isocalendar()))
show(lambda: D(2021, 1, 1).isocalendar())
show(lambda: D.fromisoformat('2019-12-31').toordinal())
show(lambda: repr(DT(2020, 2, 29, 13, 5, 9).date()))
show(lambda: str(DT.strptime('2022-07-04 10:30', '%Y-%m-%d %H:%M')))
show(lambda: f'{D(2020, 1, 31):%d.%m.%Y}')
show(lambda: D(2020, 1, 31) < D(2020, 2, 1))
show(lambda: (DT(2020, 2, 29, 13, 5, 9) - DT(2020, 2, 28)).total_seconds())
show(lambda: TD(1.5))
#### datetime_batch_1
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: TD(0.1))
show(lambda: TD(seconds=0.5, microseconds=0.5))
show(lambda: TD(microseconds=1.5))
show(lambda: TD(microseconds=2.5))
show(lambda: TD(microseconds=-1.5))
show(lambda: TD(days=-1.2345678))
show(lambda: TD(hours=-25.5, minutes=7.25))
show(lambda: TD(weeks=1.1, days=-3.3, hours=4.4, minutes=5.5, seconds=6.6, milliseconds=7.7, microseconds=8.8))
show(lambda: TD(days=1000000000))
show(lambda: TD(-1, 3))
show(lambda: repr(-TD(seconds=1)))
show(lambda: str(-TD(seconds=1)))
show(lambda: str(TD(microseconds=-1)))
show(lambda: str(TD(days=2, microseconds=5)))
show(lambda: TD(hours=1) * 2.5)
show(lambda: TD(hours=1) / 3)
show(lambda: TD(hours=1) / TD(minutes=7))
show(lambda: TD(hours=1) // TD(minutes=7))
show(lambda: TD(hours=1) % TD(minutes=7))
show(lambda: divmod(TD(hours=1), TD(minutes=7)))
show(lambda: TD(hours=1) * 1.1)
show(lambda: TD(seconds=10) / 3.3)
show(lambda: abs(TD(-3)))
show(lambda: TD.max)
show(lambda: TD.min)
#### datetime_batch_2
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: TD.resolution)
show(lambda: D.max)
show(lambda: D.min)
show(lambda: DT.min)
show(lambda: DT.max)
show(lambda: T.max)
show(lambda: D(2020, 13, 1))
show(lambda: D(0, 1, 1))
show(lambda: D(2020, 2, 30))
show(lambda: D(2020, 1, 1.5))
show(lambda: D('2020', 1, 1))
show(lambda: DT(2020, 1, 1, 24))
show(lambda: DT(2020, 1, 1, 0, 60))
show(lambda: DT(2020, 1, 1, tzinfo=1))
show(lambda: T(25))
show(lambda: T(13, 5))
show(lambda: T(13, 5, 9))
show(lambda: T(13, 5, 9, 5))
show(lambda: T(0, 0))
show(lambda: T(1, 0, tzinfo=TZ.utc))
show(lambda: str(T(1, 2, 3, 4)))
show(lambda: T(1, 2, 3, 4).isoformat('milliseconds'))
show(lambda: T(1, 2, 3).isoformat('hours'))
show(lambda: T(1, 2, 3).isoformat('minutes'))
show(lambda: T(1, 2, 3).isoformat('bogus'))
#### datetime_batch_3
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: T(1, 2, 3, tzinfo=TZ(TD(hours=-5))).isoformat())
show(lambda: DT(2020, 1, 1))
show(lambda: DT(2020, 1, 1, 5))
show(lambda: DT(2020, 1, 1, 0, 0, 1))
show(lambda: DT(2020, 1, 1, 0, 0, 0, 1))
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc))
show(lambda: DT(2020, 1, 1, 12, tzinfo=TZ(TD(hours=5, minutes=30))))
show(lambda: DT(2020, 1, 1, 12, tzinfo=TZ(TD(hours=5, minutes=30), 'IST')).isoformat())
show(lambda: str(DT(2020, 1, 1, 12, 30, 15, 123456, tzinfo=TZ(TD(hours=-3)))))
show(lambda: DT(2020, 1, 1, 12, 30, 15, 123456).isoformat(timespec='milliseconds'))
show(lambda: DT(2020, 1, 1, 12, 30, 15, 123456).isoformat(sep=' ', timespec='seconds'))
show(lambda: TZ.utc)
show(lambda: str(TZ.utc))
show(lambda: TZ(TD(0)))
show(lambda: TZ(TD(0)) is TZ.utc)
show(lambda: TZ(TD(hours=1)))
show(lambda: str(TZ(TD(hours=1))))
show(lambda: str(TZ(TD(hours=-1, minutes=-30))))
show(lambda: TZ(TD(hours=1), 'CET'))
show(lambda: str(TZ(TD(hours=1), 'CET')))
show(lambda: TZ(TD(hours=24)))
show(lambda: TZ(1))
show(lambda: TZ(TD(seconds=3661)).tzname(None))
show(lambda: TZ(TD(0), 'UTC'))
show(lambda: TZ.min)
#### datetime_batch_4
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: TZ.max)
show(lambda: DT.fromtimestamp(1600000000, TZ.utc))
show(lambda: DT.fromtimestamp(1600000000.5, TZ.utc))
show(lambda: DT.fromtimestamp(1600000000.1234565, TZ.utc))
show(lambda: DT.fromtimestamp(-1.5, TZ.utc))
show(lambda: DT.fromtimestamp(0, TZ.utc).strftime('%Y%m%d%H%M%S'))
show(lambda: DT.utcfromtimestamp(1600000000))
show(lambda: DT.utcfromtimestamp(1600000000.25))
show(lambda: DT(2020, 9, 13, 12, 26, 40, tzinfo=TZ.utc).timestamp())
show(lambda: DT(2020, 9, 13, 12, 26, 40, 500000, tzinfo=TZ(TD(hours=2))).timestamp())
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc).astimezone(TZ(TD(hours=-8))))
show(lambda: DT.fromtimestamp(1600000000, TZ(TD(hours=2))).isoformat())
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc) == DT(2020, 1, 1, 1, tzinfo=TZ(TD(hours=1))))
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc) == DT(2020, 1, 1))
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc) < DT(2020, 1, 1))
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc) - DT(2020, 1, 1))
show(lambda: DT(2020, 1, 2, tzinfo=TZ.utc) - DT(2020, 1, 1, tzinfo=TZ(TD(hours=3))))
show(lambda: DT(2020, 1, 1) == D(2020, 1, 1))
show(lambda: D(2020, 1, 1) == DT(2020, 1, 1))
show(lambda: D(2020, 1, 1) < DT(2020, 1, 1))
show(lambda: DT(2020, 1, 1) < D(2020, 1, 1))
show(lambda: DT(2020, 1, 1) + TD(hours=36, seconds=1.5))
show(lambda: DT(2020, 1, 1) - TD(days=366))
#### datetime_batch_5
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: TD(hours=36) + DT(2020, 1, 1))
show(lambda: D(2020, 1, 1) - TD(days=1, hours=23))
show(lambda: D(9999, 12, 31) + TD(1))
show(lambda: DT.combine(D(2020, 5, 6), T(7, 8, 9)))
show(lambda: DT.combine(D(2020, 5, 6), T(7, 8, 9, tzinfo=TZ.utc)))
show(lambda: DT(2020, 5, 6, 7, 8, 9).time())
show(lambda: DT(2020, 5, 6, 7, 8, 9, tzinfo=TZ.utc).timetz())
show(lambda: DT(2020, 5, 6, 7, 8, 9).replace(hour=1, tzinfo=TZ.utc))
show(lambda: DT(2020, 5, 6, 7, 8, 9).weekday())
show(lambda: DT(2020, 5, 6, 7, 8, 9).ctime())
show(lambda: D(2020, 5, 6).ctime())
show(lambda: tuple(DT(2020, 5, 6, 7, 8, 9).timetuple()))
show(lambda: tuple(D(2020, 5, 6).timetuple()))
show(lambda: tuple(DT(2020, 5, 6, 7, 8, 9, tzinfo=TZ(TD(hours=2))).utctimetuple()))
show(lambda: D.fromisoformat('20200102'))
show(lambda: D.fromisoformat('2020-W01-1'))
show(lambda: D.fromisoformat('2020-1-02'))
show(lambda: D.fromisoformat(20200102))
show(lambda: DT.fromisoformat('2020-01-02T03:04:05'))
show(lambda: DT.fromisoformat('2020-01-02 03:04:05.123'))
show(lambda: DT.fromisoformat('2020-01-02T03:04:05+01:00'))
show(lambda: DT.fromisoformat('2020-01-02T03:04:05Z'))
show(lambda: DT.fromisoformat('2020-01-02T03:04:05.123456-05:30'))
show(lambda: DT.fromisoformat('2020-01-02'))
show(lambda: DT.fromisoformat('2020-01-02T25:00'))
#### datetime_batch_6
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: DT.fromisoformat('garbage'))
show(lambda: DT.fromisoformat('2020-01-02T0304'))
show(lambda: T.fromisoformat('03:04:05.5'))
show(lambda: T.fromisoformat('03:04+02:00'))
show(lambda: T.fromisoformat('T03:04'))
show(lambda: D.fromisocalendar(2020, 53, 5))
show(lambda: D.fromisocalendar(2021, 53, 1))
show(lambda: D.fromordinal(737424))
show(lambda: D.fromordinal(0))
show(lambda: DT.strptime('2022-07-04 10:30', '%Y-%m-%d %H:%M'))
show(lambda: DT.strptime('04/Jul/2022:10:30:59 +0200', '%d/%b/%Y:%H:%M:%S %z'))
show(lambda: DT.strptime('2022-07-04T10:30:59.25Z', '%Y-%m-%dT%H:%M:%S.%f%z'))
show(lambda: DT.strptime('Monday, July 04 2022 10pm', '%A, %B %d %Y %I%p'))
show(lambda: DT.strptime('22 185', '%y %j'))
show(lambda: DT.strptime('2022-07-04', '%Y-%m-%d %H:%M'))
show(lambda: DT.strptime('2022-07-04 10:30xx', '%Y-%m-%d %H:%M'))
show(lambda: DT.strptime('2022', '%Q'))
show(lambda: DT.strptime('2022', '%Y%'))
show(lambda: DT.strptime('Sat Jan  1 00:00:00 2000', '%c'))
show(lambda: DT.strptime('1 2 2022', '%w %U %Y'))
show(lambda: DT.strptime('2022 W10 3', '%G W%V %u'))
show(lambda: DT.strptime('feb 29', '%b %d'))
show(lambda: DT.strptime('  2022', ' %Y'))
show(lambda: DT(2020, 2, 29, 13, 5, 9).strftime('%c|%x|%X|%e|%D|%F|%T|%R|%r|%C|%g|%G|%V|%u|%w|%U|%W|%k|%l|%P|%h|%%|%Z|%z|%f'))
show(lambda: DT(2021, 1, 3, 1, 2, 3, 4, tzinfo=TZ(TD(hours=-5, seconds=-7))).strftime('%z %Z %G-%V-%u %U %W %j'))
#### datetime_batch_7
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: DT(2021, 1, 3, tzinfo=TZ(TD(hours=5, microseconds=7))).strftime('%z'))
show(lambda: D(2020, 1, 1).strftime('%H:%M:%S %f %z %Z'))
show(lambda: T(13, 4, 5, 6, tzinfo=TZ.utc).strftime('%H %M %S %f %z %Z %Y %d'))
show(lambda: format(D(2020, 1, 1), ''))
show(lambda: format(DT(2020, 1, 1, 5), '%H'))
show(lambda: '{:%Y}'.format(DT(2020, 1, 1)))
show(lambda: hash(D(2020, 1, 1)) == hash(D(2020, 1, 1)))
show(lambda: hash(DT(2020, 1, 1, tzinfo=TZ.utc)) == hash(DT(2020, 1, 1, 1, tzinfo=TZ(TD(hours=1)))))
show(lambda: sorted([D(2020, 5, 1), D(2019, 1, 1), D(2020, 1, 1)]))
show(lambda: max(DT(2020, 1, 1), DT(2020, 1, 1, 0, 0, 1)))
show(lambda: T(1, 2) < T(1, 3))
show(lambda: T(1, 2, tzinfo=TZ.utc) == T(2, 2, tzinfo=TZ(TD(hours=1))))
show(lambda: T(1, 2, tzinfo=TZ.utc) < T(1, 2))
show(lambda: T(1, 2) == T(1, 2, tzinfo=TZ.utc))
show(lambda: bool(TD(0)))
show(lambda: bool(T(0)))
show(lambda: TD(days=1) == TD(hours=24))
show(lambda: TD(1) < TD(2))
show(lambda: TD(1) == 1)
show(lambda: D(2020, 1, 1).year)
show(lambda: DT(2020, 1, 1, 5, 6, 7, 8).microsecond)
show(lambda: DT(2020, 1, 1).tzinfo)
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc).utcoffset())
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc).tzname())
#### datetime_batch_8
import datetime
D, DT, T, TD, TZ = datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.timezone
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: DT(2020, 1, 1, tzinfo=TZ.utc).dst())
show(lambda: DT(2020, 1, 1).utcoffset())
show(lambda: TD(seconds=1e-7))
show(lambda: TD(seconds=5e-7))
show(lambda: TD(seconds=1.5e-6))
show(lambda: TD(days=1e9))
show(lambda: TD('1'))
show(lambda: D(2020, 1, 1) - D(2019, 1, 1))
show(lambda: (D(2020, 1, 1) - TD(0)).isocalendar().week)
show(lambda: D(2020, 1, 1).isocalendar().weekday)
show(lambda: (datetime.MINYEAR, datetime.MAXYEAR))
show(lambda: datetime.UTC)
show(lambda: D.fromisoformat('2020-02-30'))
show(lambda: T.fromisoformat('25:00'))
show(lambda: T.fromisoformat('T2500'))
show(lambda: T.fromisoformat('xx'))
show(lambda: DT.fromisoformat('2020-02-30T01:00'))
show(lambda: DT.fromisoformat('2020-01-01T01:00:00+25:00'))
#### datetime_oe_core_usage
import datetime
sde = '1700000000'
print(datetime.datetime.fromtimestamp(int(sde), datetime.timezone.utc).strftime('%Y%m%d%H%M%S'))
from datetime import datetime as dt, timezone
now = dt.now(timezone.utc)
print(len(now.isoformat()) == 32, now.tzinfo is timezone.utc, now.isoformat()[-6:], type(now.timestamp()).__name__)
print(dt.utcnow().tzinfo, isinstance(datetime.date.today(), datetime.date))
print(abs(dt.now().timestamp() - dt.now(timezone.utc).timestamp()) < 5)
print(dt.fromtimestamp(1600000000).timestamp(), dt.fromtimestamp(1600000000.25).timestamp())
print(dt(2020, 1, 1, 12).astimezone().utcoffset() == dt(2020, 1, 1, 12).astimezone().tzinfo.utcoffset(None))
#### datetime_subclass_and_class_attributes
import datetime
class Stamp(datetime.datetime):
    def label(self):
        return self.strftime('%Y-%m-%d')
s = Stamp(2021, 5, 4, 3, 2, 1)
print(s.label(), type(s + datetime.timedelta(days=1)).__name__, type(s.replace(year=2000)).__name__)
print(datetime.date.min, datetime.date.max, datetime.datetime.max, datetime.time.min, datetime.timedelta.max)
print(datetime.date.resolution, datetime.datetime.resolution, datetime.timezone.utc, datetime.UTC is datetime.timezone.utc)
print(isinstance(datetime.timezone.utc, datetime.tzinfo), issubclass(datetime.datetime, datetime.date))
class Fixed(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(hours=2)
    def dst(self, dt):
        return datetime.timedelta(0)
    def tzname(self, dt):
        return 'FX'
d = datetime.datetime(2020, 6, 1, 12, tzinfo=Fixed())
print(d.isoformat(), d.tzname(), d.strftime('%Z %z'), d.astimezone(datetime.timezone.utc))
print(datetime.datetime(2020, 6, 1, 10, tzinfo=datetime.timezone.utc).astimezone(Fixed()).hour)
print({datetime.date(2020, 1, 1): 'a'}[datetime.date(2020, 1, 1)], datetime.timedelta(hours=1) in {datetime.timedelta(minutes=60)})
