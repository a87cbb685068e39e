#include "scenario/builtin.h"

#include <stdexcept>

namespace rs {

const std::vector<BuiltinScenario>& builtin_scenarios() {
    static const std::vector<BuiltinScenario> list = [] {
        std::vector<BuiltinScenario> out;
        for (const auto& e : embedded_scenarios()) {
            // Built-ins refer to no other files.
            auto s = load_scenario_text(e.text, std::string(e.name) + ".json", "",
                                        [](const std::string& path) {
                                            return Result<std::string>::failure("a built-in scenario cannot read " + path);
                                        },
                                        /*check_engine=*/false);
            if (!s) throw std::logic_error("built-in scenario " + std::string(e.name) + ": " + s.error());
            if (s->name != e.name)
                throw std::logic_error("built-in scenario " + std::string(e.name) + ".json is named '" + s->name + "'");
            out.push_back(BuiltinScenario{s->name, s->title, s->explanation, s->duration_ns, s->config});
        }
        return out;
    }();
    return list;
}

const BuiltinScenario* find_builtin_scenario(const std::string& name) {
    for (const auto& s : builtin_scenarios())
        if (s.name == name) return &s;
    return nullptr;
}

EngineConfig default_scenario() { return builtin_scenarios().front().config; }

} // namespace rs
