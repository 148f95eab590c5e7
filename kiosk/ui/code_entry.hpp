#pragma once
// Typing a dossier code on the keypad (pure logic, no ImGui). The citizen types only the symbols
// (digits and the one letter); the separators of V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX are inserted as
// each part fills, and the keypad offers only the kind of symbol the next position takes.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::ui::code_entry {

/// Symbols of the longest code accepted: 3+2+2+3+6 and a sequence of up to 8 digits.
inline constexpr std::size_t kMaxSymbols = 24;
/// Symbols of the shortest complete code (4-digit sequence).
inline constexpr std::size_t kMinSymbols = 20;

enum class SymbolKind { Digit, Letter, None };

/// What the next symbol must be; None when the code is at its longest.
SymbolKind expectedNext(std::string_view symbols);

/// `symbols` with `c` appended when `c` fits the next position (letters are upper-cased); otherwise
/// unchanged.
std::string appendSymbol(std::string_view symbols, char c);

/// `symbols` without the last symbol.
std::string removeLast(std::string_view symbols);

/// Separators inserted: "00000" -> "000.00.", "0000006H56231027036" -> "000.00.06.H56-231027-036".
std::string format(std::string_view symbols);

/// The part of the shape not typed yet, to show after format(): "" when complete.
/// "000.00." -> "__.___-______-____".
std::string remainingShape(std::string_view symbols);

/// True when the symbols make a whole code (sequence of 4 or more digits).
bool isComplete(std::string_view symbols);

enum class Problem { None, BadMonth, BadDay };

/// Live validation of what is typed so far (the receipt date part YYMMDD).
Problem check(std::string_view symbols);

/// Keeps the digits and letters of `text` (for typing a whole code at once), upper-cased.
std::string symbolsFromText(std::string_view text);

}  // namespace kiosk::ui::code_entry
