#pragma once
// The follow-up URL: the public page where a citizen follows a dossier on a phone, shown as a QR code
// on the Result screen and printed on the status slip. It is always built from the office's template
// (office.public_lookup_url, `{code}` = the dossier code) and the dossier code, never taken from a
// URL the backend sent: nothing but the code can reach it (no citizen ID however it is written).
// The configuration check (kiosk/core/config) makes sure the kiosk reads its own URL back.

#include <string>
#include <string_view>

#include "kiosk/core/text/url_encoding.hpp"

namespace kiosk::core {

/// Placeholder a follow-up URL template must contain.
inline constexpr std::string_view kFollowUrlPlaceholder = "{code}";

/// RFC 3986 percent-encoding of everything but the unreserved characters (A-Z a-z 0-9 - . _ ~).

/// @param urlTemplate office.public_lookup_url, e.g. "https://dichvucong.gov.vn/...?ma={code}"
/// @param code        the dossier code (percent-encoded into the URL)
/// @return the URL, or "" when the template or the code is empty, or the template lacks {code}
std::string followUrl(std::string_view urlTemplate, std::string_view code);

}  // namespace kiosk::core
