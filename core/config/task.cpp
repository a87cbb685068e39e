#include "config/task.h"

namespace rs {

std::vector<Phase> task_phases(const TaskSpec& t) {
    if (!t.phases.empty()) return t.phases;
    std::vector<Phase> out;
    Phase p;
    p.pages_per_sec = t.pages_per_sec;
    switch (t.kind) {
    case TaskSpec::Kind::AllocAnon: {
        if (t.mlock || t.mlock_pages) {
            Phase m;
            m.kind = Phase::Kind::Mlock;
            m.pages = t.mlock ? t.pages : t.mlock_pages;
            out.push_back(m);
        }
        if (t.fork_of.empty()) {
            p.kind = Phase::Kind::Alloc;
            p.pages = t.pages;
            out.push_back(p);
        } else {
            // A fork reads the memory it shares: one pass, then as below.
            p.kind = Phase::Kind::Touch;
            out.push_back(p);
        }
        if (t.loop) {
            p.kind = Phase::Kind::Touch;
            p.pattern = t.random ? Phase::Pattern::Random : Phase::Pattern::Sequential;
            p.loop = true;
            out.push_back(p);
        }
        break;
    }
    case TaskSpec::Kind::ReadFile:
    case TaskSpec::Kind::WriteFile:
        p.kind = t.kind == TaskSpec::Kind::ReadFile ? Phase::Kind::Read : Phase::Kind::Write;
        p.pages = t.pages;
        p.file = t.file.empty() ? t.name : t.file;
        p.exec = t.exec;
        if (t.random && t.loop) {
            // The first pass fills the cache in order, then the pages are read at random.
            out.push_back(p);
            p.pattern = Phase::Pattern::Random;
            p.loop = true;
        } else {
            p.loop = t.loop;
        }
        out.push_back(p);
        break;
    case TaskSpec::Kind::SlabGrow:
        p.kind = Phase::Kind::Slab;
        p.pages = t.pages;
        out.push_back(p);
        break;
    case TaskSpec::Kind::Swapoff: break;
    }
    return out;
}

} // namespace rs
