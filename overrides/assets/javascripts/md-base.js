// Material 9.8.1's partials/javascripts/base.html, served as a file so the
// Content-Security-Policy needs no inline script. Material writes the scope
// from the template's base_url; this file sits at <site>/assets/javascripts/,
// so the site root is two levels up from its own URL.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
