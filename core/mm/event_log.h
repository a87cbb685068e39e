#pragma once
// Timestamped events the simulated kernel reports: what the views mark on their time axes.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "util/translate_noop.h" // an event's English template is marked for the translators

namespace rs {

enum class EventType {
    KswapdWake,
    KswapdSleep,
    AllocStall,     // an allocation failed and waited
    DirectReclaim,  // a task reclaimed pages itself (try_to_free_pages)
    OomKill,        // the OOM killer killed a task
    SysctlChange,
    Swap,           // swapon, swapoff: started, done, failed
    Note,
};

struct Event {
    std::int64_t t_ns = 0;
    EventType type = EventType::Note;
    int node = -1;
    std::string text;
    // The text as its template ("%1 exited", marked RS_TRANSLATE_NOOP("Event", ...)) and the
    // values of its %1..%9, so the window can show it in its language; nullptr: text only
    // (the kernel's own messages, as dmesg prints them).
    const char* fmt = nullptr;
    std::vector<std::string> args;
};

// fmt with %1..%9 replaced by args (a placeholder without a value stays as written).
std::string format_event_text(const char* fmt, const std::vector<std::string>& args);

struct EventLog {
    std::vector<Event> items;
    // Called at the moment an event happens, with the kernel in that state (tests use it to
    // check the conditions of a wake-up or a sleep exactly when it occurs).
    std::function<void(const Event&)> listener;
    void add(std::int64_t t, EventType type, int node, std::string text) {
        items.push_back(Event{t, type, node, std::move(text)});
        if (listener) listener(items.back());
    }
    void add(std::int64_t t, EventType type, int node, const char* fmt, std::vector<std::string> args) {
        std::string text = format_event_text(fmt, args);
        items.push_back(Event{t, type, node, std::move(text), fmt, std::move(args)});
        if (listener) listener(items.back());
    }
};

const char* event_type_name(EventType t);

} // namespace rs
