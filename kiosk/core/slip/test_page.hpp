#pragma once
// The printer test page (`kiosk print-test`): every Vietnamese letter in both weights, each text
// size, rules, a key/value row and a QR code, so staff see at once whether the printer, paper width
// and fonts are right.

#include <string>

#include "kiosk/core/slip/slip.hpp"

namespace kiosk::core::slip {

/// Every Vietnamese letter (base letters with all five tone marks, upper and lower case), NFC.
std::string vietnameseAlphabet();

/// @param qrPayload text for the test QR code (e.g. the kiosk's version string)
Slip buildTestPage(const std::string& officeName, const ZonedTime& printedAt, int paperWidthDots,
                   const std::string& qrPayload);

}  // namespace kiosk::core::slip
