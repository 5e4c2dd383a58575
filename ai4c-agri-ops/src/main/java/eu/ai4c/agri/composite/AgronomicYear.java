package eu.ai4c.agri.composite;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The agronomic year of {@code monthlycomposite}: from September of {@code seasonStart} to August
 * of the following year (specification 3.2.3.3, {@code season_start}: 2017 means September 2017 –
 * August 2018), as 12 months indexed 0 (September) to 11 (August). Immutable.
 *
 * @param seasonStart the calendar year in which the agronomic year starts
 */
public record AgronomicYear(int seasonStart) {
    /** Months in an agronomic year. */
    public static final int MONTHS = 12;

    /** The first month, September of {@code seasonStart}. */
    public YearMonth first() {
        return YearMonth.of(seasonStart, 9);
    }

    /** The calendar month of index {@code index} (0 = September). */
    public YearMonth month(int index) {
        return first().plusMonths(index);
    }

    /** The month index 0..11 of {@code date}, or -1 when the date lies outside this agronomic year. */
    public int monthIndex(LocalDate date) {
        int index = (date.getYear() - seasonStart) * 12 + date.getMonthValue() - 9;
        return index >= 0 && index < MONTHS ? index : -1;
    }

    /** {@code 2017-09 … 2018-08}. */
    @Override
    public String toString() {
        return first() + " … " + month(MONTHS - 1);
    }
}
