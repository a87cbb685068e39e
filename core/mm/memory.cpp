#include "mm/memory.h"

#include "mm/mlock.h"
#include "mm/swap.h"
#include "mm/swap_state.h"
#include "mm/workingset.h"

#include <algorithm>

namespace rs {

namespace {

// do_anonymous_page(): a new page, mapped and accessed (a swapped-out page comes back through
// do_swap_page() instead).
void do_anonymous_page(Kernel& k, Process& p, frame_t f, std::uint32_t index) {
    k.frames.flags[f] = PG_swapbacked | PG_mapped | PG_young;
    if (vma_locked(p, index)) mlock_folio(k, f);
    k.pgdat(k.node_of_frame(f))[NR_ANON_MAPPED] += 1;
    k.vmstat.add(PGFAULT);
}

// filemap_read() / generic_perform_write(): a new page-cache page, read from disk unless it
// is about to be overwritten whole; over a shadow entry, workingset_refault().
void filemap_add_page(Kernel& k, Process& p, AddressSpace& as, frame_t f, std::uint32_t old, bool overwrite,
                      std::int64_t& wait_ns) {
    k.frames.flags[f] = 0;
    k.pgdat(k.node_of_frame(f))[NR_FILE_PAGES] += 1;
    if (is_token(old)) {
        --as.nr_nonresident;
        workingset_refault(k, f, old);
    }
    if (!overwrite) {
        wait_ns += k.cost.disk_read_ns_per_page;
        k.vmstat.add(PGPGIN, 4);
        // filemap_read_folio(): a folio of the workingset read again is thrashing
        // (delayacct_thrashing_start()/end() around the read).
        if (k.frames.test(f, PG_workingset)) {
            ++p.delays.thrashing_count;
            p.delays.thrashing_delay_ns += k.cost.disk_read_ns_per_page;
        }
    }
}

} // namespace

Fault fault_alloc(Kernel& k, std::uint32_t space, std::uint32_t index, std::uint32_t slot,
                  int nid, AllocContext& ac, std::int64_t& wait_ns) {
    Fault fault;
    if (k.spaces[space].anon && is_token(slot)) {
        fault.swapin = true;
        fault.frame = k.swap.do_swap_page(k, slot & ~kTokenBit, space, index, nid, ac, fault.alloc, wait_ns,
                                          fault.major, fault.shared);
        fault.got_page = fault.frame != kNoFrame;
        return fault;
    }
    fault.alloc = __alloc_pages(k, GFP_HIGHUSER_MOVABLE, 0, nid, ac);
    fault.got_page = fault.alloc.status == AllocResult::Status::Page;
    fault.frame = fault.alloc.frame;
    return fault;
}

void finish_fault(Kernel& k, Process& p, Fault& fault, std::uint32_t space, std::uint32_t index, std::uint32_t& slot,
                  bool overwrite, std::int64_t& wait_ns) {
    const frame_t f = fault.frame;
    if (fault.swapin) {
        map_swapped_page(k, space, index, f, fault.shared);
        k.vmstat.add(PGFAULT);
        if (fault.major) k.vmstat.add(PGMAJFAULT);
        // mm_account_fault(): a fault that waited for I/O is the task's major fault.
        if (fault.major) ++p.maj_flt;
        else ++p.min_flt;
        return;
    }
    AddressSpace& as = k.spaces[space];
    k.frames.owner[f] = space;
    k.frames.index[f] = index;
    const std::uint32_t old = slot;
    if (as.anon) {
        do_anonymous_page(k, p, f, index);
        ++p.min_flt; // mm_account_fault()
    } else {
        filemap_add_page(k, p, as, f, old, overwrite, wait_ns);
    }
    slot = f;
    ++as.nr_resident;
    folio_add_lru(k, f);
}

void map_swapped_page(Kernel& k, std::uint32_t space, std::uint32_t index, frame_t f, bool already_mapped) {
    AddressSpace& as = k.spaces[space];
    Process& owner = k.procs[static_cast<std::size_t>(as.owner)];
    if (vma_locked(owner, index) && !k.frames.test(f, PG_mlocked)) {
        lruvec_del_folio(k, f); // to the unevictable list
        mlock_folio(k, f);
        folio_add_lru(k, f);
    }
    as.pages[index] = f;
    ++as.nr_resident;
    --as.nr_nonresident;
    if (owner.swapents) --owner.swapents;
    if (!already_mapped) k.pgdat(k.node_of_frame(f))[NR_ANON_MAPPED] += 1;
}

std::pair<std::uint64_t, std::uint64_t> copy_page_range(Kernel& k, Process& child, const Process& parent) {
    // Present pages are shared (mapcount + 1, write-protected for COW).
    const AddressSpace& from = k.spaces[static_cast<std::size_t>(parent.anon_space)];
    AddressSpace& to = k.spaces[static_cast<std::size_t>(child.anon_space)];
    std::uint64_t shared = 0, swapped = 0;
    // dup_mmap(): the child's mm starts with the parent's mappings (total_vm, locked_vm is not
    // inherited: VM_LOCKED is cleared in the child).
    child.total_vm = parent.total_vm;
    child.hiwater_vm = std::max(child.hiwater_vm, child.total_vm);
    for (std::size_t idx = 0; idx < from.pages.size(); ++idx) {
        const std::uint32_t e = from.pages[idx];
        if (e == kNoFrame) continue;
        if (is_resident(e)) {
            to.pages[idx] = e;
            ++to.nr_resident;
            ++shared;
        } else if (k.swap.space().swap_duplicate(swp_entry(e & ~kTokenBit))) {
            to.pages[idx] = e;
            ++to.nr_nonresident;
            ++child.swapents;
            ++swapped;
        }
        // A refused swap_duplicate() (the count is at SWAP_MAP_MAX and the simulator has no
        // continuation pages) leaves the child's page unpopulated: it faults a fresh one.
    }
    return {shared, swapped};
}

void zap_pte_range(Kernel& k, Process& p, std::uint64_t begin, std::uint64_t end) {
    if (p.anon_space < 0) return;
    AddressSpace& as = k.spaces[static_cast<std::size_t>(p.anon_space)];
    end = std::min<std::uint64_t>(end, as.pages.size());
    for (std::uint64_t idx = begin; idx < end; ++idx) {
        auto& e = as.pages[idx];
        if (e == kNoFrame) continue;
        if (is_token(e)) {
            k.swap.free_swap_and_cache(k, e & ~kTokenBit);
            --as.nr_nonresident;
            if (p.swapents) --p.swapents;
        } else {
            --as.nr_resident;
            const frame_t f = e;
            // A page a fork() of the family still maps stays (zap_pte_range() drops only this
            // mapping); the rmap now starts from that process.
            const auto index = static_cast<std::uint32_t>(idx);
            std::uint32_t other = kNoFrame;
            for_each_anon_mapper(k.spaces, static_cast<std::uint32_t>(p.anon_space), [&](const AddressSpace& m, std::uint32_t sp) {
                if (sp != static_cast<std::uint32_t>(p.anon_space) && index < m.pages.size() && m.pages[index] == f) other = sp;
            });
            if (other != kNoFrame) {
                k.frames.owner[f] = other;
                e = kNoFrame;
                continue;
            }
            Pgdat& pg = k.pgdat(k.node_of_frame(f));
            if (k.frames.test(f, PG_swapcache) && !k.swap.folio_free_swap(k, f)) {
                // A fork()'s PTE still holds the page's swap entry (it has not faulted the page
                // in): the swap cache keeps its reference, so zap_pte_range() only drops this
                // mapping and the page stays cached, unmapped, as after swap readahead.
                if (k.frames.test(f, PG_mlocked)) {
                    lruvec_del_folio(k, f); // munlock: back to an evictable list
                    k.frames.clear(f, PG_mlocked | PG_unevictable);
                    pg[NR_MLOCK] -= 1;
                    folio_add_lru(k, f);
                }
                k.frames.clear(f, PG_mapped);
                pg[NR_ANON_MAPPED] -= 1;
                pg[NR_SWAPCACHE_UNMAPPED] += 1;
                e = kNoFrame;
                continue;
            }
            if (k.frames.test(f, PG_lru)) lruvec_del_folio(k, f);
            pg[NR_ANON_MAPPED] -= 1;
            if (k.frames.test(f, PG_mlocked)) pg[NR_MLOCK] -= 1;
            free_page(k, f);
        }
        e = kNoFrame;
    }
}

void exit_mmap(Kernel& k, Process& p) {
    // remove_vma() of every mapping: nothing is mapped any more.
    p.total_vm = 0;
    if (p.anon_space < 0) return;
    zap_pte_range(k, p, 0, k.spaces[static_cast<std::size_t>(p.anon_space)].pages.size());
}

void vm_stat_account_mmap(Process& p, std::uint64_t pages) {
    p.total_vm += pages;
    p.hiwater_vm = std::max(p.hiwater_vm, p.total_vm);
}

void vm_stat_account_munmap(Process& p, std::uint64_t pages) { p.total_vm -= std::min(p.total_vm, pages); }

} // namespace rs
