// libFuzzer target: the scenario loader must refuse any input with a message, never crash,
// hang or leak. Small valid machines are also booted and run for a moment.
#include "scenario/loader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto no_files = [](const std::string& path) {
        return rs::Result<std::string>::failure("the fuzzer reads no files (" + path + ")");
    };
    auto sc = rs::load_scenario_text(text, "fuzz.json", "", no_files, /*check_engine=*/false);
    if (!sc) {
        if (sc.error().empty()) __builtin_trap(); // every refusal says why
        return 0;
    }
    // Boot and run only machines small enough for the fuzzer's memory limit.
    std::uint64_t pages = 0;
    for (const auto& n : sc->config.machine.nodes)
        for (const auto& z : n.zones) pages += z.managed;
    if (pages > (256ull << 20) / 4096 || sc->config.tasks.size() > 8) return 0;
    auto e = rs::Engine::create(sc->config);
    if (e) e.value()->run_until(20'000'000);
    return 0;
}
