"""The text side of datetime, imported on first use (most programs never format or parse dates, and this keeps
importing datetime cheap): strftime in the C locale, the isoformat parsers and strptime."""
from datetime import (date, datetime, timedelta, timezone, _DAYNAMES, _FULL_DAYNAMES, _MONTHNAMES, _FULL_MONTHNAMES,
                      _format_offset, _is_leap, _iso_year_week_day, _isoweek_to_gregorian, _ymd2ord)


def strftime(fmt, year, month, day, hour, minute, second, microsecond, offset, tzname):
    # the C library's strftime in the C locale, with Python's %f, %z and %Z
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    ordinal = _ymd2ord(year, month, day)
    weekday = (ordinal + 6) % 7
    yday = ordinal - _ymd2ord(year, 1, 1) + 1
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i == n:
            out.append(ch)
            continue
        d = fmt[i]
        i += 1
        if d == 'a':
            out.append(_DAYNAMES[weekday])
        elif d == 'A':
            out.append(_FULL_DAYNAMES[weekday])
        elif d in 'bh':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULL_MONTHNAMES[month])
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[weekday], _MONTHNAMES[month], day, hour, minute,
                                                        second, year))
        elif d == 'C':
            out.append('%02d' % (year // 100))
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'D':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'e':
            out.append('%2d' % day)
        elif d == 'f':
            out.append('%06d' % microsecond)
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d in 'GgV':
            iso_year, iso_week, _ = _iso_year_week_day(year, month, day)
            out.append('%d' % iso_year if d == 'G' else '%02d' % (iso_year % 100) if d == 'g' else '%02d' % iso_week)
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % ((hour + 11) % 12 + 1))
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'k':
            out.append('%2d' % hour)
        elif d == 'l':
            out.append('%2d' % ((hour + 11) % 12 + 1))
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'n':
            out.append('\n')
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'P':
            out.append('am' if hour < 12 else 'pm')
        elif d == 'r':
            out.append('%02d:%02d:%02d %s' % ((hour + 11) % 12 + 1, minute, second, 'AM' if hour < 12 else 'PM'))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 't':
            out.append('\t')
        elif d == 'T' or d == 'X':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'u':
            out.append('%d' % (weekday + 1))
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (weekday + 1) % 7) // 7))
        elif d == 'w':
            out.append('%d' % ((weekday + 1) % 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - weekday) // 7))
        elif d == 'x':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'Y':
            out.append('%d' % year)
        elif d == 'z':
            out.append(_format_offset(offset, '') if offset is not None else '')
        elif d == 'Z':
            out.append(tzname if tzname is not None else '')
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


def parse_isoformat_date(dtstr):
    year = int(dtstr[0:4])
    has_sep = dtstr[4] == '-'
    pos = 4 + has_sep
    if dtstr[pos:pos + 1] == 'W':
        pos += 1
        weekno = int(dtstr[pos:pos + 2])
        pos += 2
        dayno = 1
        if len(dtstr) > pos:
            if (dtstr[pos:pos + 1] == '-') != has_sep:
                raise ValueError('Inconsistent use of dash separator')
            pos += has_sep
            dayno = int(dtstr[pos:pos + 1])
        return list(_isoweek_to_gregorian(year, weekno, dayno))
    month = int(dtstr[pos:pos + 2])
    pos += 2
    if (dtstr[pos:pos + 1] == '-') != has_sep:
        raise ValueError('Inconsistent use of dash separator')
    pos += has_sep
    day = int(dtstr[pos:pos + 2])
    return [year, month, day]


def find_isoformat_datetime_separator(dtstr):
    len_dtstr = len(dtstr)
    if len_dtstr == 7:
        return 7
    if dtstr[4] == '-':
        if dtstr[5] == 'W':
            if len_dtstr < 8:
                raise ValueError('Invalid ISO string')
            if len_dtstr > 8 and dtstr[8] == '-':
                if len_dtstr == 9:
                    raise ValueError('Invalid ISO string')
                if len_dtstr > 10 and dtstr[10].isdigit():
                    return 8
                return 10
            return 8
        return 10
    if dtstr[4] == 'W':
        idx = 7
        while idx < len_dtstr:
            if not dtstr[idx].isdigit():
                break
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


FRACTION_CORRECTION = [100000, 10000, 1000, 100, 10]


def parse_hh_mm_ss_ff(tstr):
    len_str = len(tstr)
    time_comps = [0, 0, 0, 0]
    pos = 0
    has_sep = False
    for comp in range(0, 3):
        if (len_str - pos) < 2:
            raise ValueError('Incomplete time component')
        time_comps[comp] = int(tstr[pos:pos + 2])
        pos += 2
        next_char = tstr[pos:pos + 1]
        if comp == 0:
            has_sep = next_char == ':'
        if not next_char or comp >= 2:
            break
        if has_sep and next_char != ':':
            raise ValueError('Invalid time separator: %c' % next_char)
        pos += has_sep
    if pos < len_str:
        if tstr[pos] not in '.,':
            raise ValueError('Invalid microsecond component')
        pos += 1
        len_remainder = len_str - pos
        to_parse = 6 if len_remainder >= 6 else len_remainder
        time_comps[3] = int(tstr[pos:(pos + to_parse)])
        if to_parse < 6:
            time_comps[3] *= FRACTION_CORRECTION[to_parse - 1]
        if len_remainder > to_parse and not tstr[(pos + to_parse):].isdigit():
            raise ValueError('Non-digit values in unparsed fraction')
    return time_comps


def parse_isoformat_time(tstr):
    len_str = len(tstr)
    if len_str < 2:
        raise ValueError('Isoformat time too short')
    tz_pos = (tstr.find('-') + 1 or tstr.find('+') + 1 or tstr.find('Z') + 1)
    timestr = tstr[:tz_pos - 1] if tz_pos > 0 else tstr
    time_comps = parse_hh_mm_ss_ff(timestr)
    offset = None
    if tz_pos == len_str and tstr[-1] == 'Z':
        offset = timedelta(0)
    elif tz_pos > 0:
        tzstr = tstr[tz_pos:]
        if len(tzstr) in (0, 1, 3):
            raise ValueError('Malformed time zone string')
        tz_comps = parse_hh_mm_ss_ff(tzstr)
        tzsign = -1 if tstr[tz_pos - 1] == '-' else 1
        offset = tzsign * timedelta(hours=tz_comps[0], minutes=tz_comps[1], seconds=tz_comps[2],
                                    microseconds=tz_comps[3])
    time_comps.append(offset)
    return time_comps


def with_timezone(time_comps):
    # the parsed offset made a timezone (whose range errors are not format errors)
    offset = time_comps[-1]
    if offset is not None:
        time_comps[-1] = timezone(offset)
    return time_comps


STRPTIME_REGEX = {
    'd': r'(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'G': r'(?P<G>\d\d\d\d)',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'U': r'(?P<U>5[0-3]|[0-4]\d|\d)',
    'W': r'(?P<W>5[0-3]|[0-4]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'V': r'(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
    'A': r'(?P<A>wednesday|thursday|saturday|tuesday|monday|friday|sunday)',
    'a': r'(?P<a>wed|tue|thu|sun|sat|mon|fri)',
    'B': r'(?P<B>september|february|november|december|january|october|august|april|march|july|june|may)',
    'b': r'(?P<b>sep|oct|nov|may|mar|jun|jul|jan|feb|dec|aug|apr)',
    'p': r'(?P<p>am|pm)',
    'Z': r'(?P<Z>utc|gmt)',
    '%': '%',
}


def strptime_regex(fmt, original):
    import re
    fmt = re.sub(r'([\\.^$*+?\(\){}\[\]|])', r'\\\1', fmt)
    fmt = re.sub(r'\s+', r'\\s+', fmt)
    out = ''
    while '%' in fmt:
        i = fmt.index('%') + 1
        if i >= len(fmt):
            raise ValueError("stray %% in format '%s'" % original)
        directive = fmt[i]
        if directive in 'cxX':
            sub = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}[directive]
            out += fmt[:i - 1] + strptime_regex(sub, original)
        elif directive in STRPTIME_REGEX:
            out += fmt[:i - 1] + STRPTIME_REGEX[directive]
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (directive, original))
        fmt = fmt[i + 1:]
    return out + fmt


def strptime(cls, data_string, format):
    import re
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError('strptime() argument %d must be str, not %s' % (index, type(arg)))
    pattern = strptime_regex(format, format)
    found = re.match(pattern, data_string, re.IGNORECASE)
    if not found:
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError('unconverted data remains: %s' % data_string[found.end():])
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    tzname = None
    found_dict = found.groupdict()
    for group_key in found_dict.keys():
        value = found_dict[group_key]
        if group_key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif group_key == 'Y':
            year = int(value)
        elif group_key == 'G':
            iso_year = int(value)
        elif group_key == 'm':
            month = int(value)
        elif group_key == 'B':
            month = [m.lower() if m else m for m in _FULL_MONTHNAMES].index(value.lower())
        elif group_key == 'b':
            month = [m.lower() if m else m for m in _MONTHNAMES].index(value.lower())
        elif group_key == 'd':
            day = int(value)
        elif group_key == 'H':
            hour = int(value)
        elif group_key == 'I':
            hour = int(value)
            ampm = (found_dict.get('p') or '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif group_key == 'M':
            minute = int(value)
        elif group_key == 'S':
            second = int(value)
        elif group_key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif group_key == 'A':
            weekday = [d.lower() for d in _FULL_DAYNAMES].index(value.lower())
        elif group_key == 'a':
            weekday = [d.lower() for d in _DAYNAMES].index(value.lower())
        elif group_key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif group_key == 'u':
            weekday = int(value) - 1
        elif group_key == 'j':
            julian = int(value)
        elif group_key in ('U', 'W'):
            week_of_year = int(value)
            week_of_year_start = 6 if group_key == 'U' else 0
        elif group_key == 'V':
            iso_week = int(value)
        elif group_key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError('Inconsistent use of : in %s' % value)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = z[8:]
                gmtoff_fraction = int(gmtoff_remainder + '0' * (6 - len(gmtoff_remainder)))
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif group_key == 'Z':
            tzname = value
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year "
                         "'%G' instead.")
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    else:
        leap_year_fix = False
        if year is None:
            year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            first_weekday = date(year, 1, 1).weekday()
            if week_of_year_start == 0:
                week_0_length = (7 - first_weekday) % 7
                day_of_week = weekday
            else:
                first_weekday = (first_weekday + 1) % 7
                week_0_length = (7 - first_weekday) % 7
                day_of_week = (weekday + 1) % 7
            if week_of_year == 0:
                julian = 1 + day_of_week - first_weekday
            else:
                julian = week_0_length + (7 * (week_of_year - 1)) + 1 + day_of_week
        elif iso_year is not None and iso_week is not None:
            year, month, day = _isoweek_to_gregorian(iso_year, iso_week, weekday + 1)
            julian = date(year, month, day).toordinal() - date(year, 1, 1).toordinal() + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        result = date.fromordinal((julian - 1) + date(year, 1, 1).toordinal())
        year, month, day = result.year, result.month, result.day
    if leap_year_fix:
        year = 1900
    tz = None
    if gmtoff is not None:
        tzdelta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        tz = timezone(tzdelta, tzname) if tzname else timezone(tzdelta)
    return cls(year, month, day, hour, minute, second, fraction, tz)
