"""The hub guide walked as written (course/jupyterhub/README.md, "Then, per exercise"), in Debian's Chromium.

An instructor runs a course of two exercises from the formgrader service's terminal in the grader's ~/course
(README step 4), as the guide's table says. A student logs in through the hub's own page, fetches both in the
*Assignments* tab, highlights in the first (also from a second tab on the same exercise: no mark lost), has
their server stopped mid-exercise (as the idle culler or an admin stops it): the tab says so once, and its
*Restart my server* brings the same page back with the marks still there. They
validate and submit the first; the instructor collects, grades and releases feedback; the student fetches
the feedback of the first while the second stays open to work on and submit.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from hubkit import COURSE_ID, ROOT, Hub
from playwright.sync_api import expect, sync_playwright

from medialit.exercises.items import item

pytestmark = [pytest.mark.hub, pytest.mark.slow, pytest.mark.browser]

FIRST, SECOND = "ex01-attribution", "ex02-unsupported"
BROWSER_TESTS = ROOT / "tests" / "browser"
ARTIFACTS = ROOT / "test-artifacts"
STALE = "run this cell again"  # the highlighter's words once its kernel is gone
STOPPED = "Your server has stopped"  # medialit-notebook-aids' one message for a server the hub stopped
RESTART = "Restart my server"


def browser_kit():
    """tests/browser's conftest (its Notebook helper and Chromium's arguments) and cursor_to, as modules."""
    sys.path.insert(0, str(BROWSER_TESTS))
    spec = importlib.util.spec_from_file_location("browser_conftest", BROWSER_TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    from test_highlighter_browser import cursor_to

    return module, cursor_to


def grader_types(hub: Hub, command: str) -> str:
    """The instructor types ``command`` in the formgrader service's terminal, in the grader's ~/course."""
    typed = hub.terminal("instructor", f"/services/{COURSE_ID}", f"cd ~/course && {command}")
    assert "__EXIT__0" in typed, typed
    return typed


def assignments_tab(page) -> None:
    """Menu *Nbgrader* -> *Assignment List*: the tab named *Assignments*."""
    page.locator("#jp-menu-panel div.lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator('#jp-mainmenu-nbgrader li[data-command="nbgrader:open-assignment-list"]').click()
    expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).to_contain_text("Assignments")


def rows(page, which: str, count: int):
    """The rows of one of the tab's lists (released, fetched, submitted) once it has loaded ``count`` of them."""
    for state in ("loading", "error", "placeholder") if count else ("loading", "error"):
        expect(page.locator(f"#{which}_assignments_list_{state}")).not_to_be_visible()
    if not count:
        expect(page.locator(f"#{which}_assignments_list_placeholder")).to_be_visible()
    found = page.locator(f"#{which}_assignments_list > .list_item")
    expect(found).to_have_count(count)
    return found


def test_two_exercises_walked_in_the_browser_with_a_restart_mid_exercise(hub: Hub) -> None:
    conftest, cursor_to = browser_kit()
    student = hub.users["student1"]
    home = hub.home("student1")
    hub.start("instructor")  # the instructor's token opens the formgrader service's terminal
    for exercise in (FIRST, SECOND):  # the guide: generate, then release, in the formgrader's terminal
        grader_types(hub, f"nbgrader generate_assignment {exercise} && nbgrader release_assignment {exercise}")

    def walk() -> None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=conftest.CHROMIUM, args=conftest.CHROMIUM_ARGS)
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(conftest.TIMEOUT_MS)
            expect.set_options(timeout=conftest.TIMEOUT_MS)
            page = context.new_page()
            try:
                # Log in on the hub's page; the server starts on lesson 0.
                page.goto(f"{hub.url}/hub/login")
                page.locator("#username_input").fill(student)
                page.locator("#password_input").fill("any")
                page.locator("#login_submit").click()
                page.wait_for_url(
                    re.compile(rf"/user/{student}/lab/tree/lessons/00-start-here\.ipynb"), timeout=180_000
                )
                page.locator(".jp-Notebook").wait_for()

                # Fetch both.
                assignments_tab(page)
                released = rows(page, "released", 2)
                expect(released.locator(".item_name")).to_have_text(sorted([FIRST, SECOND]))
                for _ in range(2):
                    rows(page, "released", 2 - _).first.locator(".item_status button").click()
                    rows(page, "fetched", _ + 1)
                rows(page, "released", 0)

                # Open the first from the tab: its name, then its notebook; highlight one source in q1.
                lab = conftest.Lab(f"{hub.url}/user/{student}/", home)
                fetched = page.locator("#fetched_assignments_list")
                fetched.locator("a", has_text=FIRST).first.click()
                fetched.locator(".list_item a", has_text=FIRST).last.click()
                nb = conftest.Notebook(page, lab, home / FIRST / f"{FIRST}.ipynb")
                expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).to_contain_text(FIRST)
                nb.wait_idle()
                nb.run(1)
                nb.run(3)
                words = item("ex01-q1").text().split()
                sidecar = home / FIRST / "ex01-q1.highlights.json"

                def mark(word: str) -> None:
                    q1 = nb.widget(3)
                    q1.locator(".ml-text").focus()
                    cursor_to(q1, page, word)
                    page.keyboard.press("1")  # source

                def saved() -> int:
                    return len(json.loads(sidecar.read_text(encoding="utf-8"))["spans"])

                mark(words[1])
                expect(nb.widget(3).locator(".ml-status")).to_contain_text("saved 1 mark")
                assert saved() == 1

                # The kernel is culled while the tab stays open (idle for 30 minutes: the server shuts it down, no
                # command in this tab): a mark made then must not look saved.
                token = hub.api("POST", f"/users/{student}/tokens", json={"expires_in": 3600}).json()["token"]
                api = f"{lab.url}api/kernels"
                headers = {"Authorization": f"token {token}"}
                for kernel in requests.get(api, headers=headers, timeout=60).json():
                    requests.delete(f"{api}/{kernel['id']}", headers=headers, timeout=60).raise_for_status()
                mark(words[3])
                expect(nb.widget(3).locator(".ml-status")).to_contain_text(STALE)
                expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(1)
                assert saved() == 1
                nb.run(1)  # as the widget says: run the cell again
                nb.run(3)
                expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(1)
                mark(words[3])
                expect(nb.widget(3).locator(".ml-status")).to_contain_text("saved 2 marks")
                assert saved() == 2

                # A common accident: the same exercise open in a second tab. Both tabs' highlighters save to one
                # file; a mark made in each is kept, and each tab shows the other's once it saves.
                other = context.new_page()
                twin = conftest.Notebook(other, lab, nb.path).open()
                twin.run(1)
                twin.run(3)
                expect(twin.widget(3).locator(".ml-tag-mark")).to_have_count(2)  # what the first tab saved
                q1_twin = twin.widget(3)
                q1_twin.locator(".ml-text").focus()
                cursor_to(q1_twin, other, words[5])
                other.keyboard.press("1")
                expect(q1_twin.locator(".ml-status")).to_contain_text("saved 3 marks")
                assert saved() == 3
                page.bring_to_front()
                mark(words[7])  # the first tab has not seen the twin's mark: it merges it in, and shows it
                expect(nb.widget(3).locator(".ml-status")).to_contain_text("changed elsewhere")
                expect(nb.widget(3).locator(".ml-status")).to_contain_text("saved 4 marks")
                expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(4)
                assert saved() == 4
                # Both tabs save the notebook (Ctrl+S): JupyterLab asks the second whether to overwrite the other's
                # save; overwriting keeps every mark, which is in the highlights file, not the notebook.
                other.bring_to_front()
                twin.cell(3).locator(".jp-InputArea-editor").click()
                other.keyboard.press("Escape")
                other.keyboard.press("Control+s")
                saved_tab = other.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")
                expect(saved_tab).not_to_have_class(re.compile(r"jp-mod-dirty"))  # the twin's save is on disk
                page.bring_to_front()
                nb.cell(3).locator(".jp-InputArea-editor").click()
                page.keyboard.press("Escape")
                page.keyboard.press("Control+s")
                changed = page.locator(".jp-Dialog", has_text="File Changed")
                expect(changed).to_be_visible()
                print("TWO TABS: the second save asked", changed.inner_text())
                changed.get_by_role("button", name="Overwrite").click()
                expect(changed).to_have_count(0)
                assert saved() == 4
                other.close()

                # The whole server stops mid-exercise (culled, or stopped by an admin) with the tab open. The tab says
                # so once, in words a student can act on; "Not now" leaves one notice and JupyterLab's failing polls
                # ask no more; the notice's "Restart my server" starts the server and brings this tab back.
                failed = []  # the tab's requests to its stopped server (JupyterLab polls it): each one used to ask
                page.on(
                    "response",
                    lambda r: failed.append(r.url) if f"/user/{student}/api/" in r.url and r.status >= 400 else None,
                )
                hub.stop("student1")
                gone = page.locator(".jp-Dialog")
                expect(gone).to_contain_text(STOPPED)
                expect(gone).to_contain_text("The highlights you made are saved")
                gone.get_by_role("button", name="Not now").click()
                expect(gone).to_have_count(0)
                notice = page.locator(".medialit-server-stopped[role=alert]", has_text=STOPPED)
                expect(notice).to_have_count(1)
                mark(words[9])  # this tab's kernel is gone with the server: the mark waits, it is not shown as made
                expect(nb.widget(3).locator(".ml-live")).to_contain_text("waiting for the kernel")
                expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(4)
                assert saved() == 4
                seen = len(failed)
                for _ in range(90):  # JupyterLab keeps polling the stopped server (backing off): no dialog again
                    if len(failed) >= seen + 3:
                        break
                    page.wait_for_timeout(1000)
                assert len(failed) >= seen + 3, failed
                expect(gone).to_have_count(0)
                expect(notice).to_have_count(1)
                page.on("dialog", lambda d: d.accept())  # the browser's "Leave site?" for the unsaved notebook
                notice.get_by_role("button", name=RESTART).click()
                page.wait_for_url(re.compile(rf"/user/{student}/lab/tree/{FIRST}/{FIRST}\.ipynb"), timeout=180_000)
                expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).to_contain_text(FIRST)
                page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").wait_for()
                expect(gone).to_have_count(0)
                nb.wait_idle()
                nb.run(1)
                nb.run(3)
                expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(4)  # the marks made before the stop are back
                mark(words[9])
                expect(nb.widget(3).locator(".ml-status")).to_contain_text("saved 5 marks")
                assert saved() == 5

                # Validate (the notebook's toolbar), then submit the first from the Assignments tab.
                page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) jp-button.validate-button").click()
                dialog = page.locator(".jp-Dialog")
                expect(dialog).to_be_visible()
                said = dialog.inner_text()
                print("VALIDATE SAID", said)
                dialog.locator(".jp-mod-accept, button").last.click()
                assignments_tab(page)
                first = rows(page, "fetched", 2).filter(has_text=FIRST)
                first.locator('.item_status button:text("Submit")').click()
                rows(page, "submitted", 1)

                # The instructor collects, grades and releases feedback for the first only.
                grader_types(
                    hub,
                    f"nbgrader collect {FIRST} && medialit course grade {FIRST} --jobs 2 && "
                    f"nbgrader generate_feedback {FIRST} && nbgrader release_feedback {FIRST}",
                )

                # The student fetches the first's feedback; the second is still open to work on and submit.
                page.locator("#refresh_assignments_list").click()
                submitted = rows(page, "submitted", 1)
                submitted.locator('.item_status button:text("Fetch Feedback")').click()
                page.locator("#submitted_assignments_list a", has_text="(view feedback)").click()
                listing = page.locator(".jp-DirListing-item", has_text=f"{FIRST}.html")
                listing.dblclick()  # the file browser opened at the feedback's folder: the page opens in a tab
                shown = page.frame_locator(".jp-MainAreaWidget:not(.lm-mod-hidden) iframe").locator("body")
                expect(shown).to_contain_text("Score:")
                pages = list((home / FIRST / "feedback").glob(f"*/{FIRST}.html"))
                assert len(pages) == 1, pages
                text = re.sub(r"<[^>]+>", " ", pages[0].read_text(encoding="utf-8"))
                assert "Score:" in text and "BEGIN HIDDEN TESTS" not in text
                page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text="Assignments").click()
                still = rows(page, "fetched", 2).filter(has_text=SECOND)
                expect(still.locator('.item_status button:text("Submit")')).to_be_visible()
                assert not list((home / SECOND).glob("feedback/*"))
            except Exception:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "hub-walk-failure.png"))
                raise
            finally:
                context.close()
                chromium.close()

    # In a whole run, tests/browser's session browser holds Playwright's loop in this thread, and a second sync API
    # there refuses to start ("Sync API inside the asyncio loop"): the walk gets a thread of its own.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(walk).result()
