// civil_time.hpp: the virtual clock's milliseconds since the Unix epoch as a
// UTC calendar date and back (Howard Hinnant's civil_from_days and
// days_from_civil, exact for every date, before 1970 too). The one place
// that does this: Docker's RFC 3339 times, log stamps of the simulated
// programs, npm's log names and the hub catalogue's dates all use it.
#pragma once
#include <cstdint>

namespace layerlab::engine {

struct CivilTime {
    int64_t year = 1970;
    unsigned month = 1, day = 1;   // 1-12, 1-31
    unsigned hour = 0, minute = 0, second = 0;
    unsigned millisecond = 0;
    unsigned weekday = 4;   // 0 = Sunday; 1970-01-01 was a Thursday
};

CivilTime civilFromMs(int64_t unixMs);
int64_t msFromCivil(int64_t year, unsigned month, unsigned day, unsigned hour = 0, unsigned minute = 0,
                    unsigned second = 0);

}   // namespace layerlab::engine
