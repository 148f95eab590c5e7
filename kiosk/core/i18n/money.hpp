#pragma once
// Amounts of money as the citizen reads them, on screen, on paper and aloud: the one formatter.

#include <cstdint>
#include <string>

#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core {

/// Đồng with thousands grouped the way each language writes them.
/// @return 1200000 -> "1.200.000 ₫" (vi) or "1,200,000 ₫" (en); negative amounts keep their sign
std::string formatVnd(std::int64_t amount, Language language);

}  // namespace kiosk::core
