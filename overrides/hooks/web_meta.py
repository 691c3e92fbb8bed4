"""MkDocs glue for page metadata and browser security (scripts/ does the work):
the CSP for templates, robots.txt and _headers, a description for every page,
the charter's print-only QR code, and one stylesheet bundle."""
from posixpath import dirname, relpath

from mkdocs.structure.files import File

from scripts.build.i18n import translation_build
from scripts.escape import html_text
from scripts.web import asset_bundle, charter_qr, csp, descriptions
from scripts.web import meta as web_meta


def on_env(env, config, files):
    env.globals["content_security_policy"] = csp.meta_policy()
    return env


def on_files(files, config):
    if translation_build(config):  # site-wide files: written once, by the first build
        return files
    generated = {
        "robots.txt": web_meta.robots_txt(config.site_url or ""),
        "_headers": web_meta.headers_file(),
    }
    charter = files.get_file_from_path(charter_qr.CHARTER_PAGE)
    if charter is not None:
        url = (config.site_url or "/") + charter.url
        generated[charter_qr.QR_FILE] = charter_qr.qr_png(url)
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    return bundle_stylesheets(files, config)


def bundle_stylesheets(files, config):
    sources = [files.get_file_from_path(str(path)) for path in config.extra_css]
    if not sources or None in sources:  # a stylesheet from elsewhere: leave the list alone
        return files
    css = asset_bundle.concatenate([(f.src_uri, f.content_string) for f in sources])
    files.append(File.generated(config, asset_bundle.BUNDLE, content=css))
    config.extra_css = [asset_bundle.BUNDLE]
    return files


def on_page_markdown(markdown, page, config, files):
    # MkDocs renders templates without autoescaping and Material prints
    # page.meta.title as is (<title>, header, navigation, footer, search
    # index): store it escaped once, as Markup, which the `e` filter leaves
    # alone. page.title returns it too. The schema (page.schema.json) has
    # already refused markup characters; this makes '&' and quotes safe.
    if page.meta.get("title") is not None:
        page.meta["title"] = html_text(page.meta["title"])
    return markdown


def on_page_content(html, page, config, files):
    # The same for page.meta.description (Material's <meta name=description>).
    text = page.meta.get("description") or descriptions.derive(
        html, page.title or "", config.site_name)
    page.meta["description"] = html_text(text)
    if page.file.src_uri == charter_qr.CHARTER_PAGE:
        img = relpath(charter_qr.QR_FILE, dirname(page.file.dest_uri) or ".")
        html += charter_qr.print_box(img, page.canonical_url or page.url)
    return html
