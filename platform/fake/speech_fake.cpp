// Speech for platform_fake: a 440 Hz tone of 60 ms per character (a stand-in with a length that
// follows the text), and an output that plays nothing and returns at once.
#include "platform/speech.hpp"

#include <cmath>
#include <numbers>

namespace platform {
namespace {

class ToneSynthesizer final : public SpeechSynthesizer {
public:
    kiosk::core::Result<Pcm> synthesize(std::string_view text, kiosk::core::Language,
                                        const std::atomic<bool>& cancel) override {
        if (text.empty()) {
            return kiosk::core::fail(kiosk::core::ErrorKind::InvalidInput, "nothing to say");
        }
        if (cancel.load()) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "cancelled");
        }
        Pcm pcm;
        pcm.samples.resize(text.size() * static_cast<std::size_t>(pcm.sampleRate) * 6 / 100);
        for (std::size_t i = 0; i < pcm.samples.size(); ++i) {
            pcm.samples[i] = static_cast<std::int16_t>(
                8000.0 * std::sin(2.0 * std::numbers::pi * 440.0 * static_cast<double>(i) / pcm.sampleRate));
        }
        return pcm;
    }
};

class SilentOutput final : public AudioOutput {
public:
    kiosk::core::Result<void> play(const Pcm&, const std::atomic<bool>&) override { return {}; }
};

}  // namespace

kiosk::core::Result<std::unique_ptr<SpeechSynthesizer>> makeSpeechSynthesizer(const SpeechOptions&) {
    return std::unique_ptr<SpeechSynthesizer>(std::make_unique<ToneSynthesizer>());
}

std::unique_ptr<AudioOutput> makeAudioOutput() { return std::make_unique<SilentOutput>(); }

}  // namespace platform
