#include "kiosk/core/i18n/money.hpp"

namespace kiosk::core {

std::string formatVnd(std::int64_t amount, Language language) {
    // Through unsigned: the magnitude of INT64_MIN does not fit in int64.
    const std::uint64_t magnitude =
        amount < 0 ? static_cast<std::uint64_t>(-(amount + 1)) + 1U : static_cast<std::uint64_t>(amount);
    std::string digits = std::to_string(magnitude);
    const char sep = language == Language::En ? ',' : '.';
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), 1, sep);
    }
    return (amount < 0 ? "-" : "") + digits + " ₫";
}

}  // namespace kiosk::core
