#include "kiosk/ui/code_entry.hpp"

namespace kiosk::ui::code_entry {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// The separator that follows symbol index i once it is typed, or 0.
char separatorAfter(std::size_t i) {
    switch (i) {
    case 2:
    case 4:
    case 6: return '.';
    case 9:
    case 15: return '-';
    default: return 0;
    }
}

int twoDigits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

SymbolKind expectedNext(std::string_view symbols) {
    if (symbols.size() >= kMaxSymbols) {
        return SymbolKind::None;
    }
    return symbols.size() == 7 ? SymbolKind::Letter : SymbolKind::Digit;
}

std::string appendSymbol(std::string_view symbols, char c) {
    std::string out(symbols);
    switch (expectedNext(symbols)) {
    case SymbolKind::Digit:
        if (isDigit(c)) {
            out += c;
        }
        break;
    case SymbolKind::Letter:
        if (isLetter(c)) {
            out += upper(c);
        }
        break;
    case SymbolKind::None: break;
    }
    return out;
}

std::string removeLast(std::string_view symbols) {
    return std::string(symbols.substr(0, symbols.empty() ? 0 : symbols.size() - 1));
}

std::string format(std::string_view symbols) {
    std::string out;
    for (std::size_t i = 0; i < symbols.size() && i < kMaxSymbols; ++i) {
        out += symbols[i];
        if (const char sep = separatorAfter(i); sep != 0) {
            out += sep;
        }
    }
    return out;
}

std::string remainingShape(std::string_view symbols) {
    std::string out;
    for (std::size_t i = symbols.size(); i < kMinSymbols; ++i) {
        out += '_';
        if (const char sep = separatorAfter(i); sep != 0) {
            out += sep;
        }
    }
    return out;
}

bool isComplete(std::string_view symbols) {
    return symbols.size() >= kMinSymbols && symbols.size() <= kMaxSymbols && check(symbols) == Problem::None;
}

Problem check(std::string_view symbols) {
    // YYMMDD occupies symbols 10..15.
    if (symbols.size() >= 14) {
        const int month = twoDigits(symbols, 12);
        if (month < 1 || month > 12) {
            return Problem::BadMonth;
        }
    }
    if (symbols.size() >= 16) {
        const int day = twoDigits(symbols, 14);
        if (day < 1 || day > 31) {
            return Problem::BadDay;
        }
    }
    return Problem::None;
}

std::string symbolsFromText(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (isDigit(c) || isLetter(c)) {
            out += upper(c);
        }
    }
    return out;
}

}  // namespace kiosk::ui::code_entry
