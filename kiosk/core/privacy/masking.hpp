#pragma once
// Masking of personal data. Applied by core to everything from the backend, even when the backend
// already masked it, before any other part of the kiosk sees it. The rules are written down in
// docs/privacy.md; tests/unit/privacy holds their cases.

#include <string>
#include <string_view>

namespace kiosk::core {

/// "Nguyễn Văn An" -> "Nguyễn V** A*": family name kept, other words keep their first letter.
std::string maskPersonName(std::string_view name);

/// "0912345678" -> "091****678": keep the first 3 and last 3 digits.
std::string maskPhone(std::string_view phone);

/// Citizen ID / passport numbers: "001099012345" -> "********2345": only the last 4 kept.
std::string maskIdNumber(std::string_view id);

/// Addresses: only the last two comma-separated parts (district, province) are kept.
std::string maskAddress(std::string_view address);

/// Masks phone numbers and 9-12 digit ID numbers found anywhere in free text (notes, history).
std::string maskPersonalNumbersInText(std::string_view text);

}  // namespace kiosk::core
