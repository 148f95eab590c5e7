#include "kiosk/core/api/iso_time.hpp"

#include <cstdio>

namespace kiosk::core {
namespace {

// Reads exactly `count` ASCII digits at `pos`; advances `pos`. No locale, no sign, no spaces:
// std::from_chars would accept fewer digits than the format demands.
bool readDigits(std::string_view s, std::size_t& pos, int count, int& out) {
    if (pos + static_cast<std::size_t>(count) > s.size()) return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(count);
    out = value;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

}  // namespace

std::optional<ZonedTime> parseIsoTime(std::string_view s) {
    using namespace std::chrono;
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!readDigits(s, pos, 4, y) || !expect(s, pos, '-') || !readDigits(s, pos, 2, mo) ||
        !expect(s, pos, '-') || !readDigits(s, pos, 2, d)) {
        return std::nullopt;
    }
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!readDigits(s, pos, 2, h) || !expect(s, pos, ':') || !readDigits(s, pos, 2, mi)) return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!readDigits(s, pos, 2, sec)) return std::nullopt;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            // Fractions of a second are accepted and dropped: the kiosk shows minutes at most.
            ++pos;
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
            if (pos == start || pos - start > 9) return std::nullopt;
        }
    }
    if (pos >= s.size()) return std::nullopt;  // the offset is required
    int offsetMinutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!readDigits(s, pos, 2, oh)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!readDigits(s, pos, 2, om)) return std::nullopt;
        if (oh > 14 || om > 59 || (oh == 14 && om != 0)) return std::nullopt;
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;  // 60: a leap second, folded into :59 below
    if (sec == 60) sec = 59;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    const local_seconds local = local_days{ymd} + hours{h} + minutes{mi} + seconds{sec};
    ZonedTime out;
    out.offset = minutes{offsetMinutes};
    out.utc = sys_seconds{local.time_since_epoch() - out.offset};
    return out;
}

std::string formatIsoTime(const ZonedTime& time) {
    using namespace std::chrono;
    const local_seconds local = time.local();
    const local_days day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{local - day};
    const long offset = time.offset.count();
    const long absOffset = offset < 0 ? -offset : offset;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld%c%02ld:%02ld", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()), offset < 0 ? '-' : '+', absOffset / 60, absOffset % 60);
    return buf;
}

}  // namespace kiosk::core
