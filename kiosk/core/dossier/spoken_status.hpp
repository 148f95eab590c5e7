#pragma once
// What the "Nghe" (listen) button reads aloud, built from the same answer the screen draws
// (dossier_answer.hpp), so the voice never says something the screen does not. Plain sentences a
// speech engine reads well: dates in words, no symbols it would spell out.

#include <string>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/i18n/string_table.hpp"

namespace kiosk::core {

/// The headline, the state (days left / overdue), the key date, what to do and where.
/// @param text the string table of the answer's language (status.speech.* words)
std::string spokenStatus(const DossierAnswer& answer, const StringTable& text);

/// The problem screen's title and what to do now, as the screen words them (screens.problem.*).
std::string spokenProblem(LookupErrorKind kind, const StringTable& text, Language language);

/// Problem screens: may the lookup be tried again (offline, timeout, server, cancelled), or is it
/// a matter for staff. The screen's Retry button and its advice follow this.
bool problemIsRetryable(LookupErrorKind kind);

/// Prepares screen text for a speech engine: symbols it would spell out ("—", "•", "₫", "/") become
/// pauses or words, sentences end with a full stop.
std::string speakable(std::string_view text, Language language);

}  // namespace kiosk::core
