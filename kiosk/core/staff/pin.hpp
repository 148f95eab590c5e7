#pragma once
// The staff PIN: what a new PIN must look like, and its argon2id hash (libsodium crypto_pwhash_str).
// The PIN itself is never stored, logged or kept longer than it takes to hash or verify it; the hash
// lives in a file only the kiosk's user can read (staff.pin_file, docs/staff.md).
//
// Hashing and verifying are slow on purpose (about 0.1 s and 64 MiB on a small PC): call them on a
// worker thread, never on the UI thread.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 12;

/// Why a new PIN is refused.
enum class PinWeakness {
    NotDigits,  ///< something other than 0-9
    TooShort,   ///< fewer than kMinPinDigits
    TooLong,    ///< more than kMaxPinDigits
    OneDigit,   ///< the same digit throughout (0000, 777777)
    Run,        ///< a run up or down, wrapping 9-0 (1234, 654321, 7890)
};

/// Stable name ("one_digit", ...): logs and translation keys ("staff.pin.weak.one_digit").
std::string_view toString(PinWeakness weakness);

/// Every PinWeakness value (tests walk them).
inline constexpr PinWeakness kAllPinWeaknesses[] = {PinWeakness::NotDigits, PinWeakness::TooShort,
                                                    PinWeakness::TooLong, PinWeakness::OneDigit, PinWeakness::Run};

/// @return why @p pin may not become the staff PIN, or std::nullopt when it may
std::optional<PinWeakness> checkNewPin(std::string_view pin);

/// The argon2id hash of @p pin in libsodium's self-describing string form ("$argon2id$v=19$m=...").
/// @return the hash, or an Internal error (out of memory)
Result<std::string> hashPin(std::string_view pin);

/// @return true when @p pin matches @p hash (constant time in the PIN); false for a malformed hash
bool verifyPin(std::string_view hash, std::string_view pin);

/// @return true when @p text has the form of a crypto_pwhash_str result (argon2id or argon2i)
bool looksLikePinHash(std::string_view text);

/// The hash held by a PIN file's text: the first line, trimmed. @return an InvalidInput error when
/// the text is not one hash
Result<std::string> pinHashFromFileText(std::string_view text);

}  // namespace kiosk::core
