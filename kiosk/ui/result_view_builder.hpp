#pragma once
// Turns a (masked) dossier into the Result screen's view: dates as the office wrote them, days left
// or overdue, amounts in đồng, the status tone. Presentation only; the dossier is already masked.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

/// Colour and icon family of a status.
StatusTone toneOf(core::DossierStatus status);

/// "27/10/2023"
std::string formatDate(const core::ZonedTime& t);
/// "27/10/2023 08:15"
std::string formatDateTime(const core::ZonedTime& t);
/// 1200000 -> "1.200.000 ₫" (vi) or "1,200,000 ₫" (en)
std::string formatVnd(std::int64_t amount, Language language);

/// Whole days from `now`'s local day to the due date's local day (negative when overdue).
int daysUntil(const core::ZonedTime& due, std::chrono::sys_seconds now);

/// The URL the "follow on your phone" QR code may carry: `url` reduced to scheme, host, path and the
/// query parameters whose value is the dossier code; anything else (a citizen ID, a token, a
/// fragment) is dropped. Empty when `url` is not http(s) or carries nothing that names the dossier.
std::string followUrlFor(std::string_view url, std::string_view dossierCode);

/// @param chrome   texts and switches (chrome.text must be set)
/// @param now      wall-clock time, for days left
/// @param printer  a printer is configured
/// @param rating   the rating already chosen this session
ResultView buildResultView(const core::Dossier& dossier, const Chrome& chrome, std::chrono::sys_seconds now,
                           bool printer, std::optional<int> rating);

}  // namespace kiosk::ui
