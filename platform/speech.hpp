#pragma once
// Spoken status: text to speech and sound out. The kiosk reads the status aloud when the citizen
// presses "Nghe" (audio.enabled); the text comes from core (kiosk/core/dossier/spoken_status.hpp).
// Both calls block: the app runs them on its speech worker, never on the UI thread.
//
// Defined once per platform library:
//   - platform_linux: espeak-ng (libespeak-ng, Vietnamese and English voices from espeak-ng-data) to
//     16-bit PCM, played through pcaudiolib (PulseAudio or ALSA, the library espeak-ng itself uses).
//   - platform_fake: a synthesizer that makes a tone whose length follows the text, and an output that
//     only records what it was given (unit tests).

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace platform {

/// Mono signed 16-bit samples.
struct Pcm {
    int sampleRate = 22050;
    std::vector<std::int16_t> samples;
    [[nodiscard]] double seconds() const {
        return sampleRate > 0 ? static_cast<double>(samples.size()) / sampleRate : 0.0;
    }
};

struct SpeechOptions {
    int volume = 80;    ///< 0..100 (audio.volume)
    int rateWpm = 150;  ///< words per minute (audio.rate_wpm)
};

class SpeechSynthesizer {
public:
    virtual ~SpeechSynthesizer() = default;
    /// Synthesises `text` (UTF-8) with the voice of `language`. Blocks for about a tenth of the
    /// speech's length; `cancel` set from another thread stops it early (then Unavailable).
    /// @return the samples, or an error (no voice data, empty text)
    virtual kiosk::core::Result<Pcm> synthesize(std::string_view text, kiosk::core::Language language,
                                                const std::atomic<bool>& cancel) = 0;
};

class AudioOutput {
public:
    virtual ~AudioOutput() = default;
    /// Plays `pcm` on the default sound device and returns when it has played, or soon after `stop`
    /// is set. @return Unavailable when there is no sound device
    virtual kiosk::core::Result<void> play(const Pcm& pcm, const std::atomic<bool>& stop) = 0;
};

/// @return the platform's synthesizer, or an error when the speech engine cannot start
kiosk::core::Result<std::unique_ptr<SpeechSynthesizer>> makeSpeechSynthesizer(const SpeechOptions& options);

/// @return the platform's sound output (opened at each play(), so a device plugged in later works)
std::unique_ptr<AudioOutput> makeAudioOutput();

}  // namespace platform
