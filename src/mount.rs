//! Start-up: find the host element, read its settings, isolate the reader
//! in a shadow root with its own stylesheet, and mount.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::api::Api;
use crate::app::{App, Config};
use crate::first_screen;
use crate::i18n::Lang;
use crate::route::Mode;

fn string_field(config: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(config, &JsValue::from_str(key)).ok()?.as_string().filter(|s| !s.is_empty())
}

/// Called by the loader (`news-portal.js`) once the wasm is ready, with
/// `{ assetBase, css, cssIntegrity, cssLater, cssLaterIntegrity, prefetch }`:
/// where the loader found the assets, and the requests it started.
#[wasm_bindgen]
pub fn mount_news_portal(config: JsValue) {
    // A panic aborts the wasm (panic = "abort"): say why in the console.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    if let Err(e) = try_mount(&config) {
        web_sys::console::error_2(&"news-portal: could not start".into(), &e);
    }
}

fn try_mount(js: &JsValue) -> Result<(), JsValue> {
    let doc = document();
    #[cfg_attr(not(feature = "portal"), allow(unused_variables))]
    let asset_base = string_field(js, "assetBase").unwrap_or_else(|| "./".into());
    let host: Element = match doc.query_selector("[data-news-portal]")? {
        Some(el) => el,
        None => {
            let el = doc.create_element("div")?;
            doc.body().ok_or("no body")?.append_child(&el)?;
            el
        }
    };
    // One reader per page; a second element is left alone, not crashed on.
    if host.shadow_root().is_some() {
        return Err("already mounted".into());
    }
    let attr = |name: &str| host.get_attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if let Ok(requests) = js_sys::Reflect::get(js, &JsValue::from_str("prefetch")).and_then(|p| p.dyn_into::<js_sys::Object>()) {
        crate::api::use_prefetched(requests);
    }
    let wordpress = attr("data-backend").is_some_and(|b| b.eq_ignore_ascii_case("wordpress"));
    let api = match attr("data-api-base") {
        #[cfg(feature = "wordpress")]
        Some(base) if wordpress => Api::wordpress(absolute(&base)?),
        #[cfg(feature = "portal")]
        Some(base) if !wordpress => Api::remote(absolute(&base)?),
        #[cfg(feature = "portal")]
        None => Api::demo(&asset_base),
        // The loader fetches the build of the named backend; a page that
        // loads another one by hand gets this, not a crash.
        #[allow(unreachable_patterns)]
        _ => return Err("this build of the reader has no such backend (see asset-manifest.json)".into()),
    };
    let config = Config {
        api,
        mode: Mode::from_attrs(attr("data-routing").as_deref(), attr("data-base-path").as_deref()),
        lang: attr("data-lang").map(|l| Lang::parse(&l)).unwrap_or_default(),
        standalone: host.has_attribute("data-standalone"),
        host: host.clone(),
    };

    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let container: HtmlElement = doc.create_element("div")?.dyn_into()?;
    container.set_class_name("np-host");
    // Once the first screen is shown and painted: what waits may be asked
    // for (src/split.rs), starting with the sheet of the deferred parts.
    let later = string_field(js, "cssLater").map(|href| (shadow.clone(), href, string_field(js, "cssLaterIntegrity")));
    let on_screen = js_sys::Reflect::get(js, &"onScreen".into()).ok().and_then(|f| f.dyn_into().ok());
    first_screen::start(later, on_screen);
    match string_field(js, "css") {
        Some(href) => {
            // Hidden until our stylesheet applies, so the reader never
            // flashes unstyled; shown anyway if the sheet fails or stalls.
            container.set_hidden(true);
            let c = container.clone();
            first_screen::stylesheet(&shadow, &href, string_field(js, "cssIntegrity"), move || {
                c.set_hidden(false);
                first_screen::styled();
            })?;
        }
        None => {
            web_sys::console::warn_1(&"news-portal: no stylesheet given".into());
            first_screen::styled();
        }
    }
    shadow.append_child(&container)?;
    mount_to(container, move || view! { <App config=config/> }).forget();
    Ok(())
}

/// The API base as an absolute URL: the host page may write a relative one.
fn absolute(base: &str) -> Result<String, JsValue> {
    let page = window().location().href()?;
    Ok(web_sys::Url::new_with_base(base, &page)?.href())
}
