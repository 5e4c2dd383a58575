package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CF time coordinates: {@code "<unit> since <reference>"} with units of seconds, minutes, hours
 * or days, and the calendars {@code standard}/{@code gregorian}/{@code proleptic_gregorian}
 * (treated alike: CAMS and ERA5 times are all after 1582), {@code noleap}/{@code 365_day} and
 * {@code all_leap}/{@code 366_day}. {@code 360_day} and {@code julian} have dates that do not map
 * one-to-one onto real instants and are refused with a clear message. Immutable.
 *
 * @param unitSeconds seconds per unit
 * @param reference   the reference date-time (UTC)
 * @param calendar    the calendar, lower case
 */
public record CfTime(double unitSeconds, LocalDateTime reference, String calendar) {
    private static final Pattern UNITS = Pattern.compile(
            "\\s*(\\w+)\\s+since\\s+(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?)?\\s*");
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * Parses a time variable's {@code units} and {@code calendar} attributes.
     *
     * @param variable names the variable in error messages
     */
    public static CfTime parse(String units, String calendar, String variable) {
        if (units == null) {
            throw new Ai4cException("Time variable \"" + variable + "\" has no units attribute; CF needs e.g."
                    + " \"hours since 1900-01-01 00:00:00\".");
        }
        Matcher m = UNITS.matcher(units);
        if (!m.matches()) {
            throw new Ai4cException("Time variable \"" + variable + "\" has units \"" + units + "\", not"
                    + " \"<unit> since <date>\" as CF requires (e.g. \"hours since 1900-01-01 00:00:00\").");
        }
        double unit = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86400;
            default -> throw new Ai4cException("Time variable \"" + variable + "\" has the unit \"" + m.group(1)
                    + "\"; AI4C reads seconds, minutes, hours and days (months and years are not fixed lengths in CF).");
        };
        String cal = calendar == null ? "standard" : calendar.trim().toLowerCase(Locale.ROOT);
        switch (cal) {
            case "standard", "gregorian", "proleptic_gregorian", "noleap", "365_day", "all_leap", "366_day" -> { }
            default -> throw new Ai4cException("Time variable \"" + variable + "\" uses the calendar \"" + calendar
                    + "\", which AI4C cannot map to real dates. Convert it first (e.g. cdo setcalendar,standard)"
                    + " or give data on the standard calendar.");
        }
        LocalDateTime ref;
        try {
            int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            int nanos = 0;
            if (m.group(8) != null && !m.group(8).isEmpty()) {
                String f = (m.group(8) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(f);
            }
            ref = LocalDateTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), second, nanos);
            String tz = m.group(9);
            if (tz != null && (tz.startsWith("+") || tz.startsWith("-"))) {
                String digits = tz.replace(":", "");
                int sign = digits.charAt(0) == '-' ? -1 : 1;
                int hh = Integer.parseInt(digits.length() > 3 ? digits.substring(1, digits.length() - 2)
                        : digits.substring(1));
                int mm = digits.length() > 3 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
                ref = ref.minusMinutes(sign * (hh * 60L + mm));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            // digits in the right places that name no date (month 13, day 0) or overflow an int
            throw new Ai4cException("Time variable \"" + variable + "\" has units \"" + units + "\" whose reference"
                    + " date is impossible (" + e.getMessage() + "); the file is damaged or was written wrongly.", e);
        }
        return new CfTime(unit, ref, cal);
    }

    /** The time variable's {@code units} and {@code calendar}. */
    public static CfTime of(NcVariable time) {
        return parse(time.text("units"), time.text("calendar"), time.name());
    }

    /** The instant of a coordinate value. */
    public Instant toInstant(double value) {
        double seconds = value * unitSeconds;
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        switch (calendar) {
            case "noleap", "365_day", "all_leap", "366_day": {
                boolean leap = calendar.startsWith("all") || calendar.startsWith("366");
                long refSeconds = reference.toLocalTime().toSecondOfDay();
                long total = refSeconds + whole;
                long days = Math.floorDiv(total, 86400);
                long inDay = Math.floorMod(total, 86400);
                LocalDate date = addDays(reference.toLocalDate(), days, leap);
                return date.atStartOfDay().plusSeconds(inDay).plusNanos(reference.getNano() + nanos)
                        .toInstant(ZoneOffset.UTC);
            }
            default:
                return reference.plusSeconds(whole).plusNanos(nanos).toInstant(ZoneOffset.UTC);
        }
    }

    /** The coordinate value of an instant (inverse of {@link #toInstant}; standard calendars only). */
    public double toValue(Instant instant) {
        Instant ref = reference.toInstant(ZoneOffset.UTC);
        double seconds = (instant.getEpochSecond() - ref.getEpochSecond()) + (instant.getNano() - ref.getNano()) / 1e9;
        return seconds / unitSeconds;
    }

    /** Adds days in a calendar whose every year has 365 days ({@code allLeap}: 366). */
    private static LocalDate addDays(LocalDate start, long days, boolean allLeap) {
        int yearDays = allLeap ? 366 : 365;
        int doy = dayOfYear(start, allLeap) + (int) Math.floorMod(days, (long) yearDays);
        long year = start.getYear() + Math.floorDiv(days, (long) yearDays);
        if (doy >= yearDays) {
            doy -= yearDays;
            year++;
        }
        int month = 0;
        while (true) {
            int len = MONTH_DAYS[month] + (allLeap && month == 1 ? 1 : 0);
            if (doy < len) break;
            doy -= len;
            month++;
        }
        if (!allLeap || month != 1 || doy != 28 || java.time.Year.isLeap(year)) {
            return LocalDate.of((int) year, month + 1, doy + 1);
        }
        throw new Ai4cException("The all_leap date " + year + "-02-29 does not exist in the real calendar.");
    }

    private static int dayOfYear(LocalDate d, boolean allLeap) {
        int doy = 0;
        for (int m = 0; m < d.getMonthValue() - 1; m++) doy += MONTH_DAYS[m] + (allLeap && m == 1 ? 1 : 0);
        return doy + d.getDayOfMonth() - 1;
    }

    /** The CF units string of this time axis, e.g. {@code hours since 1900-01-01 00:00:00}. */
    public String units() {
        String unit = unitSeconds == 1 ? "seconds" : unitSeconds == 60 ? "minutes" : unitSeconds == 3600 ? "hours" : "days";
        return unit + " since " + reference.toLocalDate() + " " + reference.toLocalTime();
    }
}
