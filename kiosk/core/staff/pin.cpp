#include "kiosk/core/staff/pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace kiosk::core {

std::string_view toString(PinWeakness weakness) {
    switch (weakness) {
        case PinWeakness::NotDigits: return "not_digits";
        case PinWeakness::TooShort: return "too_short";
        case PinWeakness::TooLong: return "too_long";
        case PinWeakness::OneDigit: return "one_digit";
        case PinWeakness::Run: return "run";
    }
    return "unknown";
}

std::optional<PinWeakness> checkNewPin(std::string_view pin) {
    if (!std::ranges::all_of(pin, [](char c) { return c >= '0' && c <= '9'; })) return PinWeakness::NotDigits;
    if (pin.size() < kMinPinDigits) return PinWeakness::TooShort;
    if (pin.size() > kMaxPinDigits) return PinWeakness::TooLong;
    if (std::ranges::all_of(pin, [&](char c) { return c == pin[0]; })) return PinWeakness::OneDigit;
    // The same step (+1 or -1, modulo 10) between every pair of neighbours: 1234, 9876, 8901.
    const auto stepAt = [&](std::size_t i) { return (pin[i + 1] - pin[i] + 10) % 10; };
    const int first = stepAt(0);
    if (first == 1 || first == 9) {
        bool run = true;
        for (std::size_t i = 1; i + 1 < pin.size(); ++i) run = run && stepAt(i) == first;
        if (run) return PinWeakness::Run;
    }
    return std::nullopt;
}

Result<std::string> hashPin(std::string_view pin) {
    if (sodium_init() < 0) return fail(ErrorKind::Internal, "libsodium could not start");
    char out[crypto_pwhash_STRBYTES];
    // The interactive limits (64 MiB, a few passes): about 0.1 s on a kiosk PC, bearable at every
    // unlock; a stronger setting buys little for a short PIN whose real guard is the lockout.
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return fail(ErrorKind::Internal, "hashing the PIN failed (out of memory?)");
    }
    std::string hash(out);
    sodium_memzero(out, sizeof out);
    return hash;
}

bool verifyPin(std::string_view hash, std::string_view pin) {
    if (sodium_init() < 0 || !looksLikePinHash(hash)) return false;
    const std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
    return crypto_pwhash_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

bool looksLikePinHash(std::string_view text) {
    return (text.starts_with("$argon2id$") || text.starts_with("$argon2i$")) && text.size() < crypto_pwhash_STRBYTES &&
           std::ranges::none_of(text, [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

Result<std::string> pinHashFromFileText(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return fail(ErrorKind::InvalidInput, "the PIN file is empty");
    text.remove_prefix(first);
    const auto last = text.find_last_not_of(" \t\r\n");
    text = text.substr(0, last + 1);
    if (!looksLikePinHash(text)) {
        return fail(ErrorKind::InvalidInput, "the PIN file does not hold one argon2id hash (write it with `kiosk set-pin`)");
    }
    return std::string(text);
}

}  // namespace kiosk::core
