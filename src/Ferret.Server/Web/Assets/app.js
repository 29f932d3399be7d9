/*! Ferret web pages. Bundles Preact 10.29.8 (MIT License, Copyright (c) 2015-present Jason Miller) and htm 3.1.1 (Apache License 2.0, by Jason Miller). */
var z,y,ke,lt,D,ge,Se,xe,oe,H,M,Te,ie,re,le,it,W={},B=[],ct=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,K=Array.isArray;function U(t,e){for(var n in e)t[n]=e[n];return t}function ce(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function ue(t,e,n){var s,r,a,l={};for(a in e)a=="key"?s=e[a]:a=="ref"?r=e[a]:l[a]=e[a];if(arguments.length>2&&(l.children=arguments.length>3?z.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(a in t.defaultProps)l[a]===void 0&&(l[a]=t.defaultProps[a]);return O(t,l,s,r,null)}function O(t,e,n,s,r){var a={type:t,props:e,key:n,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:r??++ke,__i:-1,__u:0};return r==null&&y.vnode!=null&&y.vnode(a),a}function G(t){return t.children}function q(t,e){this.props=t,this.context=e}function N(t,e){if(e==null)return t.__?N(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?N(t):null}function ut(t){if(t.__P&&t.__d){var e=t.__v,n=e.__e,s=[],r=[],a=U({},e);a.__v=e.__v+1,y.vnode&&y.vnode(a),_e(t.__P,a,e,t.__n,t.__P.namespaceURI,32&e.__u?[n]:null,s,n??N(e),!!(32&e.__u),r),a.__v=e.__v,a.__.__k[a.__i]=a,De(s,a,r),e.__e=e.__=null,a.__e!=n&&Ce(a)}}function Ce(t){if((t=t.__)!=null&&t.__c!=null)return t.__e=t.__c.base=null,t.__k.some(function(e){if(e!=null&&e.__e!=null)return t.__e=t.__c.base=e.__e}),Ce(t)}function $e(t){(!t.__d&&(t.__d=!0)&&D.push(t)&&!V.__r++||ge!=y.debounceRendering)&&((ge=y.debounceRendering)||Se)(V)}function V(){try{for(var t,e=1;D.length;)D.length>e&&D.sort(xe),t=D.shift(),e=D.length,ut(t)}finally{D.length=V.__r=0}}function Re(t,e,n,s,r,a,l,_,d,u,h){var v,o,f,p,$,c,m=s&&s.__k||B,b=e.length;for(d=_t(n,e,m,d,b),v=0;v<b;v++)(f=n.__k[v])!=null&&(o=f.__i!=-1&&m[f.__i]||W,f.__i=v,c=_e(t,f,o,r,a,l,_,d,u,h),p=f.__e,f.ref&&o.ref!=f.ref&&(o.ref&&de(o.ref,null,f),h.push(f.ref,f.__c||p,f)),$==null&&p!=null&&($=p),4&f.__u?(d=Ee(f,d,t),o.__e&&(o.__e=null)):typeof f.type=="function"&&c!==void 0?d=c:p&&(d=p.nextSibling),f.__u&=-7);return n.__e=$,d}function _t(t,e,n,s,r){var a,l,_,d,u,h=n.length,v=h,o=0;for(t.__k=new Array(r),a=0;a<r;a++)(l=e[a])!=null&&typeof l!="boolean"&&typeof l!="function"?(typeof l=="string"||typeof l=="number"||typeof l=="bigint"||l.constructor==String?l=t.__k[a]=O(null,l,null,null,null):K(l)?l=t.__k[a]=O(G,{children:l},null,null,null):l.constructor===void 0&&l.__b>0?l=t.__k[a]=O(l.type,l.props,l.key,l.ref?l.ref:null,l.__v):t.__k[a]=l,d=a+o,l.__=t,l.__b=t.__b+1,_=null,(u=l.__i=dt(l,n,d,v))!=-1&&(v--,(_=n[u])&&(_.__u|=2)),_==null||_.__v==null?(u==-1&&(r>h?o--:r<h&&o++),typeof l.type!="function"&&(l.__u|=4)):u!=d&&(u==d-1?o--:u==d+1?o++:(u>d?o--:o++,l.__u|=4))):t.__k[a]=null;if(v)for(a=0;a<h;a++)(_=n[a])!=null&&(2&_.__u)==0&&(_.__e==s&&(s=N(_)),Ne(_,_));return s}function Ee(t,e,n){var s,r;if(typeof t.type=="function"){for(s=t.__k,r=0;s&&r<s.length;r++)s[r]&&(s[r].__=t,e=Ee(s[r],e,n));return e}t.__e!=e&&(e&&t.type&&!e.parentNode&&(e=N(t)),e=n.insertBefore(t.__e,e||null));do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function dt(t,e,n,s){var r,a,l,_=t.key,d=t.type,u=e[n],h=u!=null&&(2&u.__u)==0;if(u===null&&_==null||h&&_==u.key&&d==u.type)return n;if(s>(h?1:0)){for(r=n-1,a=n+1;r>=0||a<e.length;)if((u=e[l=r>=0?r--:a++])!=null&&(2&u.__u)==0&&_==u.key&&d==u.type)return l}return-1}function ye(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||ct.test(e)?n:n+"px"}function F(t,e,n,s,r){var a,l;e:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof s=="string"&&(t.style.cssText=s=""),s)for(e in s)n&&e in n||ye(t.style,e,"");if(n)for(e in n)s&&n[e]==s[e]||ye(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")a=e!=(e=e.replace(Te,"$1")),l=e.toLowerCase(),e=l in t||e=="onFocusOut"||e=="onFocusIn"?l.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+a]=n,n?s?n[M]=s[M]:(n[M]=ie,t.addEventListener(e,a?le:re,a)):t.removeEventListener(e,a?le:re,a);else{if(r=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function we(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e[H]==null)e[H]=ie++;else if(e[H]<n[M])return;return n(y.event?y.event(e):e)}}}function _e(t,e,n,s,r,a,l,_,d,u){var h,v,o,f,p,$,c,m,b,C,R,L,I,be,j,ae,E=e.type;if(e.constructor!==void 0)return null;128&n.__u&&(d=!!(32&n.__u),a=[_=e.__e=n.__e]),(h=y.__b)&&h(e);e:if(typeof E=="function"){v=l.length;try{if(b=e.props,C=E.prototype&&E.prototype.render,R=(h=E.contextType)&&s[h.__c],L=h?R?R.props.value:h.__:s,n.__c?m=(o=e.__c=n.__c).__=o.__E:(C?e.__c=o=new E(b,L):(e.__c=o=new q(b,L),o.constructor=E,o.render=ft),R&&R.sub(o),o.state||(o.state={}),o.__n=s,f=o.__d=!0,o.__h=[],o._sb=[]),C&&o.__s==null&&(o.__s=o.state),C&&E.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=U({},o.__s)),U(o.__s,E.getDerivedStateFromProps(b,o.__s))),p=o.props,$=o.state,o.__v=e,f)C&&E.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),C&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if(C&&E.getDerivedStateFromProps==null&&b!==p&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(b,L),e.__v==n.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(b,o.__s,L)===!1){e.__v!=n.__v&&(o.props=b,o.state=o.__s,o.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(P){P&&(P.__=e)}),B.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&l.push(o),_=N(n);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(b,o.__s,L),C&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(p,$,c)})}if(o.context=L,o.props=b,o.__P=t,o.__e=!1,I=y.__r,be=0,C)o.state=o.__s,o.__d=!1,I&&I(e),h=o.render(o.props,o.state,o.context),B.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,I&&I(e),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++be<25);o.state=o.__s,o.getChildContext!=null&&(s=U(U({},s),o.getChildContext())),C&&!f&&o.getSnapshotBeforeUpdate!=null&&(c=o.getSnapshotBeforeUpdate(p,$)),j=h!=null&&h.type===G&&h.key==null?Le(h.props.children):h,_=Re(t,K(j)?j:[j],e,n,s,r,a,l,_,d,u),o.base=e.__e,e.__u&=-161,o.__h.length&&l.push(o),m&&(o.__E=o.__=null)}catch(P){if(l.length=v,e.__v=null,d||a!=null){if(P.then){for(e.__u|=d?160:128;_&&_.nodeType==8&&_.nextSibling;)_=_.nextSibling;a!=null&&(a[a.indexOf(_)]=null),e.__e=_}else if(a!=null)for(ae=a.length;ae--;)ce(a[ae])}else e.__e=n.__e;e.__k==null&&(e.__k=n.__k||[]),P.then||Ue(e),y.__e(P,e,n)}}else a==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):_=e.__e=pt(n.__e,e,n,s,r,a,l,d,u);return(h=y.diffed)&&h(e),128&e.__u?void 0:_}function Ue(t){t&&(t.__c&&(t.__c.__e=!0),t.__k&&t.__k.some(Ue))}function De(t,e,n){for(var s=0;s<n.length;s++)de(n[s],n[++s],n[++s]);y.__c&&y.__c(e,t),t.some(function(r){try{t=r.__h,r.__h=[],t.some(function(a){a.call(r)})}catch(a){y.__e(a,r.__v)}})}function Le(t){return typeof t!="object"||t==null||t.__b>0?t:K(t)?t.map(Le):t.constructor!==void 0?null:U({},t)}function pt(t,e,n,s,r,a,l,_,d){var u,h,v,o,f,p,$,c=n.props||W,m=e.props,b=e.type;if(b=="svg"?r="http://www.w3.org/2000/svg":b=="math"?r="http://www.w3.org/1998/Math/MathML":r||(r="http://www.w3.org/1999/xhtml"),a!=null){for(u=0;u<a.length;u++)if((f=a[u])&&"setAttribute"in f==!!b&&(b?f.localName==b:f.nodeType==3)){t=f,a[u]=null;break}}if(t==null){if(b==null)return document.createTextNode(m);t=document.createElementNS(r,b,m.is&&m),_&&(y.__m&&y.__m(e,a),_=!1),a=null}if(b==null)c===m||_&&t.data==m||(t.data=m);else{if(a=b=="textarea"&&m.defaultValue!=null?null:a&&z.call(t.childNodes),!_&&a!=null)for(c={},u=0;u<t.attributes.length;u++)c[(f=t.attributes[u]).name]=f.value;for(u in c)f=c[u],u=="dangerouslySetInnerHTML"?v=f:u=="children"||u in m||u=="value"&&"defaultValue"in m||u=="checked"&&"defaultChecked"in m||F(t,u,null,f,r);for(u in m)f=m[u],u=="children"?o=f:u=="dangerouslySetInnerHTML"?h=f:u=="value"?p=f:u=="checked"?$=f:_&&typeof f!="function"||c[u]===f||F(t,u,f,c[u],r);if(h)_||v&&(h.__html==v.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),e.__k=[];else if(v&&(t.innerHTML=""),Re(e.type=="template"?t.content:t,K(o)?o:[o],e,n,s,b=="foreignObject"?"http://www.w3.org/1999/xhtml":r,a,l,a?a[0]:n.__k&&N(n,0),_,d),a!=null)for(u=a.length;u--;)ce(a[u]);_&&b!="textarea"||(u="value",b=="progress"&&p==null?t.removeAttribute("value"):p!=null&&(p!==t[u]||b=="progress"&&!p||b=="option"&&p!=c[u])&&F(t,u,p,c[u],r),u="checked",$!=null&&$!=t[u]&&F(t,u,$,c[u],r))}return t}function de(t,e,n){try{if(typeof t=="function"){var s=typeof t.__u=="function";s&&t.__u(),s&&e==null||(t.__u=t(e))}else t.current=e}catch(r){y.__e(r,n)}}function Ne(t,e,n){var s,r;if(y.unmount&&y.unmount(t),(s=t.ref)&&(s.current&&s.current!=t.__e||de(s,null,e)),(s=t.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(a){y.__e(a,e)}s.base=s.__P=s.__n=null}if(s=t.__k)for(r=0;r<s.length;r++)s[r]&&Ne(s[r],e,n||typeof t.type!="function");n||ce(t.__e),t.__c=t.__=t.__e=void 0}function ft(t,e,n){return this.constructor(t,n)}function Pe(t,e,n){var s,r,a,l;e==document&&(e=document.documentElement),y.__&&y.__(t,e),r=(s=typeof n=="function")?null:n&&n.__k||e.__k,a=[],l=[],_e(e,t=(!s&&n||e).__k=ue(G,null,[t]),r||W,W,e.namespaceURI,!s&&n?[n]:r?null:e.firstChild?z.call(e.childNodes):null,a,!s&&n?n:r?r.__e:e.firstChild,s,l),De(a,t,l),t.props.children=null}z=B.slice,y={__e:function(t,e,n,s){for(var r,a,l;e=e.__;)if((r=e.__c)&&!r.__)try{if((a=r.constructor)&&a.getDerivedStateFromError!=null&&(r.setState(a.getDerivedStateFromError(t)),l=r.__d),r.componentDidCatch!=null&&(r.componentDidCatch(t,s||{}),l=r.__d),l)return r.__E=r}catch(_){t=_}throw t}},ke=0,lt=function(t){return t!=null&&t.constructor===void 0},q.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=U({},this.state),typeof t=="function"&&(t=t(U({},n),this.props)),t&&U(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),$e(this))},q.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),$e(this))},q.prototype.render=G,D=[],Se=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,xe=function(t,e){return t.__v.__b-e.__v.__b},V.__r=0,oe=Math.random().toString(8),H="__d"+oe,M="__a"+oe,Te=/(PointerCapture)$|Capture$/i,ie=0,re=we(!1),le=we(!0),it=0;var Y,w,pe,Ie,fe=0,We=[],k=y,Me=k.__b,Ae=k.__r,je=k.diffed,Fe=k.__c,He=k.unmount,Oe=k.__;function Be(t,e){k.__h&&k.__h(w,t,fe||e),fe=0;var n=w.__H||(w.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function g(t){return fe=1,ht(Ve,t)}function ht(t,e,n){var s=Be(Y++,2);if(s.t=t,!s.__c&&(s.__=[n?n(e):Ve(void 0,e),function(_){var d=s.__N?s.__N[0]:s.__[0],u=s.t(d,_);d!==u&&(s.__N=[u,s.__[1]],s.__c.setState({}))}],s.__c=w,!w.__f)){var r=function(_,d,u){if(!s.__c.__H)return!0;var h=!1,v=s.__c.props!==_;if(s.__c.__H.__.some(function(f){if(f.__N){h=!0;var p=f.__[0];f.__=f.__N,f.__N=void 0,p!==f.__[0]&&(v=!0)}}),a){var o=a.call(this,_,d,u);return h?o||v:o}return!h||v};w.__f=!0;var a=w.shouldComponentUpdate,l=w.componentWillUpdate;w.componentWillUpdate=function(_,d,u){if(this.__e){var h=a;a=void 0,r(_,d,u),a=h}l&&l.call(this,_,d,u)},w.shouldComponentUpdate=r}return s.__N||s.__}function T(t,e){var n=Be(Y++,3);!k.__s&&bt(n.__H,e)&&(n.__=t,n.u=e,w.__H.__h.push(n))}function mt(){for(var t;t=We.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(J),e.__h.some(he),e.__h=[]}catch(n){e.__h=[],k.__e(n,t.__v)}}}k.__b=function(t){w=null,Me&&Me(t)},k.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Oe&&Oe(t,e)},k.__r=function(t){Ae&&Ae(t),Y=0;var e=(w=t.__c).__H;e&&(pe===w?(e.__h=[],w.__h=[],e.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.some(J),e.__h.some(he),e.__h=[],Y=0)),pe=w},k.diffed=function(t){je&&je(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(We.push(e)!==1&&Ie===k.requestAnimationFrame||((Ie=k.requestAnimationFrame)||vt)(mt)),e.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),pe=w=null},k.__c=function(t,e){e.some(function(n){try{n.__h.some(J),n.__h=n.__h.filter(function(s){return!s.__||he(s)})}catch(s){e.some(function(r){r.__h&&(r.__h=[])}),e=[],k.__e(s,n.__v)}}),Fe&&Fe(t,e)},k.unmount=function(t){He&&He(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.some(function(s){try{J(s)}catch(r){e=r}}),n.__H=void 0,e&&k.__e(e,n.__v))};var qe=typeof requestAnimationFrame=="function";function vt(t){var e,n=function(){clearTimeout(s),qe&&cancelAnimationFrame(e),setTimeout(t)},s=setTimeout(n,35);qe&&(e=requestAnimationFrame(n))}function J(t){var e=w,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),w=e}function he(t){var e=w;t.__c=t.__(),w=e}function bt(t,e){return!t||t.length!==e.length||e.some(function(n,s){return n!==t[s]})}function Ve(t,e){return typeof e=="function"?e(t):e}var Ke=function(t,e,n,s){var r;e[0]=0;for(var a=1;a<e.length;a++){var l=e[a++],_=e[a]?(e[0]|=l?1:2,n[e[a++]]):e[++a];l===3?s[0]=_:l===4?s[1]=Object.assign(s[1]||{},_):l===5?(s[1]=s[1]||{})[e[++a]]=_:l===6?s[1][e[++a]]+=_+"":l?(r=t.apply(_,Ke(t,_,n,["",null])),s.push(r),_[0]?e[0]|=2:(e[a-2]=0,e[a]=r)):s.push(_)}return s},ze=new Map;function Ge(t){var e=ze.get(this);return e||(e=new Map,ze.set(this,e)),(e=Ke(this,e.get(t)||(e.set(t,e=(function(n){for(var s,r,a=1,l="",_="",d=[0],u=function(o){a===1&&(o||(l=l.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,o,l):a===3&&(o||l)?(d.push(3,o,l),a=2):a===2&&l==="..."&&o?d.push(4,o,0):a===2&&l&&!o?d.push(5,0,!0,l):a>=5&&((l||!o&&a===5)&&(d.push(a,0,l,r),a=6),o&&(d.push(a,o,0,r),a=6)),l=""},h=0;h<n.length;h++){h&&(a===1&&u(),u(h));for(var v=0;v<n[h].length;v++)s=n[h][v],a===1?s==="<"?(u(),d=[d],a=3):l+=s:a===4?l==="--"&&s===">"?(a=1,l=""):l=s+l[0]:_?s===_?_="":l+=s:s==='"'||s==="'"?_=s:s===">"?(u(),a=1):a&&(s==="="?(a=5,r=l,l=""):s==="/"&&(a<5||n[h][v+1]===">")?(u(),a===3&&(d=d[0]),a=d,(d=d[0]).push(2,0,a),a=0):s===" "||s==="	"||s===`
`||s==="\r"?(u(),a=2):l+=s),a===3&&l==="!--"&&(a=4,d=d[0])}return u(),d})(t)),e),arguments,[])).length>1?e:e[0]}var i=Ge.bind(ue);var me=class extends Error{constructor(e,n){super(n),this.status=e}},Je=()=>{};function Ye(t){Je=t}async function S(t,e){let n=e===void 0?{credentials:"same-origin"}:{method:"POST",credentials:"same-origin",headers:{"Content-Type":"application/json"},body:JSON.stringify(e)},s=await fetch("/api/"+t,n),r=await s.json().catch(()=>({}));if(!s.ok)throw s.status===401&&t!=="login"&&Je(),new me(s.status,r.error||`${s.status} ${s.statusText}`);return r}function Q(t){let e=new URLSearchParams;for(let[n,s]of Object.entries(t))Array.isArray(s)?s.forEach(r=>e.append(n,r)):s!=null&&s!==""&&e.set(n,s);return e.toString()}var X=()=>i`
  <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" fill="#f97316" />
    <path d="M7 19c0-6 4-10 9-10s9 4 9 10c0 2-2 4-4 4h-1l-2 2h-4l-2-2h-1c-2 0-4-2-4-4z" fill="#fff7ed" />
    <path d="M9 17c1.5-2 3.5-3 5-3v3c-1.5 0-3.5.5-5 0zm14 0c-1.5-2-3.5-3-5-3v3c1.5 0 3.5.5 5 0z" fill="#431407" />
    <circle cx="16" cy="20" r="1.6" fill="#431407" />
  </svg>`;function Qe({onLogin:t}){let[e,n]=g(""),[s,r]=g(!1);async function a(l){l.preventDefault();let _=l.currentTarget;r(!0),n("");try{await S("login",{username:_.username.value,password:_.password.value}),t()}catch(d){n(d.message),r(!1)}}return i`
    <main class="login">
      <form class="login-card" onSubmit=${a} aria-labelledby="login-title">
        <div class="login-brand"><${X} /><span>Ferret</span></div>
        <h1 id="login-title">Sign in to Ferret</h1>
        <p class="muted">Incident Review, search and detections of this <code>ferret serve</code>.</p>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required autofocus />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        ${e&&i`<p class="error" role="alert">${e}</p>`}
        <button type="submit" class="primary" disabled=${s}>${s?"Signing in\u2026":"Sign in"}</button>
      </form>
    </main>`}var A=t=>String(t).padStart(2,"0");function x(t){if(t==null)return"\u2014";let e=new Date(t*1e3);return`${e.getUTCFullYear()}-${A(e.getUTCMonth()+1)}-${A(e.getUTCDate())} ${A(e.getUTCHours())}:${A(e.getUTCMinutes())}:${A(e.getUTCSeconds())}`}function Z(t,e=Date.now()/1e3){if(t==null)return"";let n=Math.round(t-e),s=Math.abs(n),[r,a]=s<90?[s,"s"]:s<5400?[Math.round(s/60),"min"]:s<129600?[Math.round(s/3600),"h"]:[Math.round(s/86400),"d"];return n>=0?`in ${r} ${a}`:`${r} ${a} ago`}var ee=({value:t})=>i`<span class=${"urgency u-"+t}><span class="dot" aria-hidden="true"></span>${t}</span>`,te=({label:t})=>i`<span class=${"status s-"+t.toLowerCase().replace(/\s+/g,"-")}>${t}</span>`,ne=[["-15m","Last 15 minutes"],["-60m","Last 60 minutes"],["-4h","Last 4 hours"],["-24h","Last 24 hours"],["-7d","Last 7 days"],["-30d","Last 30 days"],["0","All time"]],Xe=({id:t,value:e,onChange:n})=>i`
  <select id=${t} value=${e} onChange=${s=>n(s.currentTarget.value)}>
    ${ne.map(([s,r])=>i`<option value=${s}>${r}</option>`)}
  </select>`;var Ze="ferret.incident-review.filters",ve={urgency:[],status:"",owner:"",detection:"",text:"",earliest:"0"};function gt(){try{return{...ve,...JSON.parse(sessionStorage.getItem(Ze)||"{}")}}catch{return ve}}function et({session:t}){let[e,n]=g(gt),[s,r]=g(e.text),[a,l]=g(null),[_,d]=g(""),[u,h]=g([]);T(()=>{sessionStorage.setItem(Ze,JSON.stringify(e)),d(""),S("notables?"+Q(e)).then(p=>{l(p),h($=>[...new Set([...$,...p.rows.map(c=>c.searchName)])].sort())},p=>d(p.message))},[e]);let v=(p,$)=>n(c=>({...c,[p]:$})),o=p=>v("urgency",e.urgency.includes(p)?e.urgency.filter($=>$!==p):[...e.urgency,p]),f=a?Object.values(a.urgencyCounts).reduce((p,$)=>p+$,0):0;return i`
    <div class="page">
      <div class="page-head">
        <h1>Incident Review</h1>
        <p class="muted">${a?`${a.matched} notable${a.matched===1?"":"s"} \xB7 ${f} before the urgency filter`:" "}</p>
      </div>

      <section class="urgency-tiles" aria-label="Notables by urgency (choose to filter)">
        ${t.urgencies.map(p=>i`
          <button type="button" class=${"tile u-"+p} aria-pressed=${e.urgency.includes(p)} onClick=${()=>o(p)}>
            <span class="count">${a?a.urgencyCounts[p]:"\u2013"}</span>
            <span class="label">${p}</span>
          </button>`)}
      </section>

      <form class="filters" role="search" aria-label="Filter notables" onSubmit=${p=>{p.preventDefault(),v("text",s)}}>
        <div class="field grow">
          <label for="f-text">Search</label>
          <input id="f-text" type="search" placeholder="Title, host, user, any field…" value=${s} onInput=${p=>r(p.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="f-status">Status</label>
          <select id="f-status" value=${e.status} onChange=${p=>v("status",p.currentTarget.value)}>
            <option value="">All</option>
            ${t.statuses.map(p=>i`<option value=${p.code}>${p.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-owner">Owner</label>
          <select id="f-owner" value=${e.owner} onChange=${p=>v("owner",p.currentTarget.value)}>
            <option value="">All</option>
            ${t.owners.map(p=>i`<option value=${p}>${p}</option>`)}
          </select>
        </div>
        <div class="field wide">
          <label for="f-detection">Detection</label>
          <select id="f-detection" value=${e.detection} onChange=${p=>v("detection",p.currentTarget.value)}>
            <option value="">All</option>
            ${u.map(p=>i`<option value=${p}>${p.replace(/^ESCU - | - Rule$/g,"")}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="f-time">Time range</label>
          <${Xe} id="f-time" value=${e.earliest} onChange=${p=>v("earliest",p)} />
        </div>
        <div class="field actions">
          <button type="submit" class="primary">Apply</button>
          <button type="button" class="ghost" onClick=${()=>{r(""),n(ve)}}>Reset</button>
        </div>
      </form>

      ${_&&i`<p class="error" role="alert">${_}</p>`}
      ${a&&i`<${$t} rows=${a.rows} now=${t.now} />`}
      ${a&&a.matched>a.rows.length&&i`<p class="muted">Showing the newest ${a.rows.length} of ${a.matched}; narrow the filters to see the rest.</p>`}
    </div>`}function $t({rows:t,now:e}){return t.length===0?i`<div class="empty"><strong>No notables match.</strong><p class="muted">Widen the time range or clear a filter.</p></div>`:i`
    <div class="table-wrap">
      <table class="notables cards">
        <caption class="sr-only">Notables, newest first</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Urgency</th><th scope="col">Title</th><th scope="col">Risk object</th><th scope="col">Owner</th><th scope="col">Status</th></tr></thead>
        <tbody>
          ${t.map(n=>i`
            <tr key=${n.eventId}>
              <td data-label="Time"><span title=${Z(n.time,e)}>${x(n.time)}</span></td>
              <td data-label="Urgency"><${ee} value=${n.urgency} /></td>
              <td data-label="Title" class="title"><div><a href=${"#/notable/"+encodeURIComponent(n.eventId)}>${n.title}</a><span class="domain">${n.securityDomain}</span></div></td>
              <td data-label="Risk object">${n.riskObject?i`<div><span class="object">${n.riskObject}</span><span class="type">${n.riskObjectType}</span></div>`:i`<span class="muted">—</span>`}</td>
              <td data-label="Owner">${n.owner}</td>
              <td data-label="Status"><div><${te} label=${n.statusLabel} /></div></td>
            </tr>`)}
        </tbody>
      </table>
    </div>`}function tt(t,e,n){return"#/search?"+Q({q:t,earliest:e??"0",latest:n??""})}function nt({id:t,session:e}){let[n,s]=g(null),[r,a]=g(""),l=()=>S("notables/"+encodeURIComponent(t)).then(s,d=>a(d.message));if(T(l,[t]),r)return i`<div class="page"><p class="error" role="alert">${r}</p><a href="#/incident-review">Back to Incident Review</a></div>`;if(!n)return i`<p class="loading" role="status">Loading notable…</p>`;let _=n.row;return i`
    <div class="page notable-page">
      <nav class="crumbs" aria-label="Breadcrumb"><a href="#/incident-review">Incident Review</a> <span aria-hidden="true">›</span> <span>Notable</span></nav>
      <div class="notable-head">
        <div>
          <h1>${_.title}</h1>
          <p class="meta">
            <${ee} value=${_.urgency} /> <${te} label=${_.statusLabel} />
            <span>Owner <strong>${_.owner}</strong></span>
            <span>${x(_.time)} UTC</span>
            <span>${_.securityDomain}</span>
          </p>
        </div>
      </div>

      <div class="columns">
        <div class="main-col">
          <section class="card" aria-labelledby="h-desc">
            <h2 id="h-desc">Description</h2>
            <p>${n.description||i`<span class="muted">No description.</span>`}</p>
            <dl class="facts">
              <div><dt>Detection</dt><dd>${_.searchName}</dd></div>
              <div><dt>Severity</dt><dd>${n.severity}</dd></div>
              <div><dt>Search window</dt><dd>${x(n.windowEarliest)} → ${x(n.windowLatest)}</dd></div>
            </dl>
          </section>

          <${yt} row=${_} detail=${n} />

          <section class="card" aria-labelledby="h-attack">
            <h2 id="h-attack">MITRE ATT&CK</h2>
            ${n.tactics.length===0&&n.techniques.length===0?i`<p class="muted">No ATT&CK annotations.</p>`:i`
              <div class="chips" aria-label="Tactics">${n.tactics.map(d=>i`<span class="chip tactic">${d}</span>`)}</div>
              <ul class="techniques">
                ${n.techniques.map(d=>i`<li><code>${d.id}</code> ${d.name||i`<span class="muted">unknown technique</span>`}</li>`)}
              </ul>`}
          </section>

          <section class="card" aria-labelledby="h-drill">
            <h2 id="h-drill">Drill down</h2>
            ${n.drilldowns.length===0?i`<p class="muted">The detection defines no drilldown search.</p>`:i`
              <ul class="drilldowns">
                ${n.drilldowns.map(d=>i`<li><a href=${tt(d.search,d.earliest,d.latest)}>${d.name}</a><code class="inline-spl">${d.search}</code></li>`)}
              </ul>`}
          </section>

          <section class="card" aria-labelledby="h-spl">
            <h2 id="h-spl">Search that produced it</h2>
            ${n.spl?i`<pre class="spl" tabindex="0">${n.spl}</pre>
              <p><a href=${tt(n.spl,n.windowEarliest,n.windowLatest)}>Run it over the notable's window</a></p>`:i`<p class="muted">Its detection is not in the loaded content.</p>`}
          </section>

          <details class="card fields">
            <summary><h2>All fields (${n.fields.length})</h2></summary>
            <table class="kv"><tbody>
              ${n.fields.map(d=>i`<tr><th scope="row">${d.key}</th><td>${d.value.join(`
`)}</td></tr>`)}
            </tbody></table>
          </details>
        </div>

        <aside class="side-col">
          <${wt} row=${_} session=${e} history=${n.history} onSaved=${l} />
        </aside>
      </div>
    </div>`}function yt({row:t,detail:e}){return i`
    <section class="card" aria-labelledby="h-risk">
      <h2 id="h-risk">Risk object</h2>
      ${t.riskObject?i`
        <div class="risk-summary">
          <div><span class="label">${t.riskObjectType||"object"}</span><span class="object big">${t.riskObject}</span></div>
          <div class="score"><span class="label">Total risk</span><span class="big">${Math.round(e.totalRisk)}</span></div>
          <div class="score"><span class="label">Risk events</span><span class="big">${e.risks.length}</span></div>
        </div>
        ${e.risks.length>0&&i`
          <h3>Contributing risk events</h3>
          <div class="table-wrap">
            <table class="cards">
              <thead><tr><th scope="col">Time</th><th scope="col">Score</th><th scope="col">Detection</th><th scope="col">Message</th><th scope="col">Threat objects</th></tr></thead>
              <tbody>
                ${e.risks.map(n=>i`<tr>
                  <td data-label="Time">${x(n.time)}</td>
                  <td data-label="Score"><span class="score-pill">${n.score}</span></td>
                  <td data-label="Detection">${n.searchName.replace(/^ESCU - | - Rule$/g,"")}</td>
                  <td data-label="Message">${n.message}</td>
                  <td data-label="Threat objects">${n.threatObjects.join(", ")||"\u2014"}</td>
                </tr>`)}
              </tbody>
            </table>
          </div>`}`:i`<p class="muted">This notable names no risk object.</p>`}
    </section>`}function wt({row:t,session:e,history:n,onSaved:s}){let[r,a]=g(t.status),[l,_]=g(t.owner),[d,u]=g(t.urgency),[h,v]=g(""),[o,f]=g(null);T(()=>{a(t.status),_(t.owner),u(t.urgency)},[t]);async function p(c){c.preventDefault();try{await S(`notables/${encodeURIComponent(t.eventId)}/review`,{status:r,owner:l,urgency:d,comment:h}),v(""),f({ok:!0,text:"Saved."}),s()}catch(m){f({ok:!1,text:m.message})}}let $=!e.canTriage;return i`
    <section class="card triage" aria-labelledby="h-triage">
      <h2 id="h-triage">Triage</h2>
      <form onSubmit=${p}>
        <label for="t-status">Status</label>
        <select id="t-status" value=${r} disabled=${$} onChange=${c=>a(c.currentTarget.value)}>
          ${e.statuses.map(c=>i`<option value=${c.code}>${c.label}</option>`)}
        </select>
        <label for="t-owner">Owner</label>
        <select id="t-owner" value=${l} disabled=${$} onChange=${c=>_(c.currentTarget.value)}>
          ${e.owners.map(c=>i`<option value=${c}>${c}</option>`)}
        </select>
        <label for="t-urgency">Urgency</label>
        <select id="t-urgency" value=${d} disabled=${$} onChange=${c=>u(c.currentTarget.value)}>
          ${e.urgencies.map(c=>i`<option value=${c}>${c}</option>`)}
        </select>
        <label for="t-comment">Comment</label>
        <textarea id="t-comment" rows="3" disabled=${$} value=${h} onInput=${c=>v(c.currentTarget.value)} placeholder="What you found, what you did"></textarea>
        <button type="submit" class="primary" disabled=${$}>Save</button>
        ${$&&i`<p class="muted">Your role may read notables but not change them.</p>`}
        ${o&&i`<p class=${o.ok?"ok":"error"} role="status">${o.text}</p>`}
      </form>
      <h3>History</h3>
      ${n.length===0?i`<p class="muted">No changes yet.</p>`:i`
        <ol class="history">
          ${[...n].reverse().map(c=>i`<li>
            <div><strong>${c.user}</strong> <span class="muted">${x(c.time)}</span></div>
            <div>${e.statuses.find(m=>m.code===c.status)?.label??c.status} · ${c.owner} · ${c.urgency}</div>
            ${c.comment&&i`<blockquote>${c.comment}</blockquote>`}
          </li>`)}
        </ol>`}
    </section>`}function st({params:t}){let[e,n]=g(t.get("q")||"index=notable | stats count by search_name, urgency"),[s,r]=g(t.get("earliest")||"-24h"),[a,l]=g(t.get("latest")||""),[_,d]=g("table"),[u,h]=g(null),[v,o]=g(""),[f,p]=g(!1);async function $(m=e,b=s,C=a){p(!0),o("");try{let R=await S("search",{search:m,earliest:b,latest:C||"now"});h(R),d(R.fields.includes("_raw")?"events":"table")}catch(R){o(R.message),h(null)}p(!1)}T(()=>{t.get("q")&&(n(t.get("q")),r(t.get("earliest")||"-24h"),l(t.get("latest")||""),$(t.get("q"),t.get("earliest")||"-24h",t.get("latest")||""))},[t.toString()]);let c=!ne.some(([m])=>m===s);return i`
    <div class="page">
      <div class="page-head"><h1>Search</h1></div>
      <form class="searchbar" role="search" onSubmit=${m=>{m.preventDefault(),$()}}>
        <label for="spl" class="sr-only">Search (SPL)</label>
        <textarea id="spl" class="spl-input" rows="3" spellcheck="false" value=${e} onInput=${m=>n(m.currentTarget.value)}
          onKeyDown=${m=>{m.key==="Enter"&&!m.shiftKey&&(m.preventDefault(),$())}}></textarea>
        <div class="searchbar-actions">
          <label for="s-time" class="sr-only">Time range</label>
          <select id="s-time" value=${c?"custom":s} onChange=${m=>{r(m.currentTarget.value),l("")}}>
            ${c&&i`<option value="custom">${x(Number(s))} → ${a?x(Number(a)):"now"}</option>`}
            ${ne.map(([m,b])=>i`<option value=${m}>${b}</option>`)}
          </select>
          <button type="submit" class="primary" disabled=${f}>${f?"Searching\u2026":"Search"}</button>
        </div>
      </form>
      <p class="hint muted">Enter runs the search, Shift+Enter adds a line. Times are UTC.</p>
      ${v&&i`<p class="error" role="alert">${v}</p>`}
      ${u&&i`<${kt} result=${u} view=${_} setView=${d} />`}
    </div>`}function kt({result:t,view:e,setView:n}){let s=t.fields.includes("_raw"),r=[["events","Events"],["table","Table"]];return i`
    <section aria-label="Results">
      <div class="results-head">
        <p role="status"><strong>${t.count}</strong> result${t.count===1?"":"s"}</p>
        <div role="tablist" aria-label="Results view" class="tabs">
          ${r.map(([a,l])=>i`
            <button type="button" role="tab" id=${"tab-"+a} aria-selected=${e===a} aria-controls="results-panel"
              disabled=${a==="events"&&!s} onClick=${()=>n(a)}>${l}</button>`)}
        </div>
      </div>
      ${t.messages.map(a=>i`<p class="notice">${a}</p>`)}
      <div id="results-panel" role="tabpanel" aria-labelledby=${"tab-"+e}>
        ${e==="events"&&s?i`<${St} rows=${t.rows} />`:i`<${xt} fields=${t.fields} rows=${t.rows} />`}
      </div>
    </section>`}function St({rows:t}){return i`
    <ol class="events">
      ${t.map(e=>i`<li>
        <div class="event-time">${e._time||""}</div>
        <div class="event-body">
          <pre tabindex="0">${e._raw}</pre>
          <div class="event-meta">${["host","source","sourcetype","index"].filter(n=>e[n]).map(n=>i`<span><b>${n}</b>=${e[n]}</span>`)}</div>
        </div>
      </li>`)}
    </ol>`}function xt({fields:t,rows:e}){let n=t.filter(s=>s!=="_raw"||t.length===1).slice(0,40);return e.length===0?i`<div class="empty"><strong>No results.</strong></div>`:i`
    <div class="table-wrap scroll-x" tabindex="0" aria-label="Results table">
      <table class="results">
        <thead><tr>${n.map(s=>i`<th scope="col">${s}</th>`)}</tr></thead>
        <tbody>${e.map(s=>i`<tr>${n.map(r=>i`<td>${s[r]??""}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`}var se=100;function at({session:t}){let[e,n]=g(null),[s,r]=g(""),[a,l]=g(""),[_,d]=g(!1),[u,h]=g(se),v=()=>S("detections").then(n,c=>r(c.message));T(v,[]);async function o(c){try{await S("detections/enabled",{name:c.name,enabled:!c.enabled}),n(m=>m.map(b=>b.name===c.name?{...b,enabled:!c.enabled}:b)),v()}catch(m){r(m.message)}}let f=a.toLowerCase(),p=(e||[]).filter(c=>(!_||c.enabled)&&(!f||c.name.toLowerCase().includes(f)||c.type.toLowerCase().includes(f))).sort((c,m)=>m.enabled-c.enabled||c.detection.localeCompare(m.detection)),$=(e||[]).filter(c=>c.enabled).length;return i`
    <div class="page">
      <div class="page-head">
        <h1>Detections</h1>
        <p class="muted">${e?`${e.length} saved searches \xB7 ${$} scheduled`:" "}</p>
      </div>
      <form class="filters" role="search" aria-label="Filter detections" onSubmit=${c=>c.preventDefault()}>
        <div class="field grow">
          <label for="d-text">Name or type</label>
          <input id="d-text" type="search" value=${a} placeholder="e.g. WMI, TTP" onInput=${c=>{l(c.currentTarget.value),h(se)}} />
        </div>
        <div class="field checkbox">
          <input id="d-enabled" type="checkbox" checked=${_} onChange=${c=>d(c.currentTarget.checked)} />
          <label for="d-enabled">Scheduled only</label>
        </div>
      </form>
      ${s&&i`<p class="error" role="alert">${s}</p>`}
      ${e&&i`
        <div class="table-wrap">
          <table class="detections cards">
            <caption class="sr-only">Detections and their schedule</caption>
            <thead><tr><th scope="col">Detection</th><th scope="col">Schedule</th><th scope="col">Last run</th><th scope="col">Results</th><th scope="col">Next run</th><th scope="col">Scheduled</th></tr></thead>
            <tbody>
              ${p.slice(0,u).map(c=>i`<tr key=${c.name}>
                <td data-label="Detection" class="title"><div><span class="name">${c.detection}</span><span class="type-tag">${c.type}</span></div></td>
                <td data-label="Schedule"><div><code>${c.cron}</code><span class="window">${c.earliest} → ${c.latest}</span></div></td>
                <td data-label="Last run">${c.lastRun?i`<span title=${x(c.lastRun)}>${Z(c.lastRun,t.now)}</span>`:i`<span class="muted">never</span>`}</td>
                <td data-label="Results">${c.lastResultCount??i`<span class="muted">—</span>`}</td>
                <td data-label="Next run">${c.nextRun?i`<span title=${x(c.nextRun)}>${x(c.nextRun)}</span>`:i`<span class="muted">—</span>`}</td>
                <td data-label="Scheduled">
                  <button type="button" role="switch" class="switch" aria-checked=${c.enabled} aria-label=${`Schedule ${c.detection}`}
                    disabled=${!t.canManageDetections} onClick=${()=>o(c)}><span aria-hidden="true"></span>${c.enabled?"On":"Off"}</button>
                </td>
              </tr>`)}
            </tbody>
          </table>
        </div>
        ${p.length>u&&i`<p><button type="button" class="ghost" onClick=${()=>h(c=>c+se)}>Show ${Math.min(se,p.length-u)} more of ${p.length-u}</button></p>`}`}
    </div>`}function ot(){let t=location.hash.replace(/^#\/?/,""),[e,n=""]=t.split("?"),s=e.split("/").filter(Boolean).map(decodeURIComponent);return{name:s[0]||"incident-review",arg:s[1],params:new URLSearchParams(n)}}function Tt(){let[t,e]=g(ot);return T(()=>{let n=()=>e(ot());return addEventListener("hashchange",n),()=>removeEventListener("hashchange",n)},[]),t}var rt=[["incident-review","Incident Review"],["search","Search"],["detections","Detections"]];function Ct({session:t,onLogout:e}){let n=Tt();T(()=>{let a=rt.find(([l])=>l===n.name)?.[1]??"Notable";document.title=`${a} \xB7 Ferret`},[n.name]);let s=n.name==="notable"?"incident-review":n.name,r;return n.name==="notable"?r=i`<${nt} id=${n.arg} session=${t} />`:n.name==="search"?r=i`<${st} params=${n.params} />`:n.name==="detections"?r=i`<${at} session=${t} />`:r=i`<${et} session=${t} />`,i`
    <a class="skip" href="#main">Skip to content</a>
    <header class="topbar">
      <a class="brand" href="#/incident-review"><${X} /><span>Ferret</span><small>Security</small></a>
      <nav aria-label="Main">
        <ul>
          ${rt.map(([a,l])=>i`
            <li><a href=${"#/"+a} aria-current=${s===a?"page":void 0}>${l}</a></li>`)}
        </ul>
      </nav>
      <div class="user">
        <span class="who" title=${t.roles.join(", ")}>${t.user}</span>
        <button type="button" class="ghost" onClick=${e}>Log out</button>
      </div>
    </header>
    <main id="main" tabindex="-1">${r}</main>`}function Rt(){let[t,e]=g(void 0),n=()=>S("session").then(e,()=>e(null));return T(()=>{Ye(()=>e(null)),n()},[]),t===void 0?i`<p class="loading" role="status">Loading…</p>`:t===null?i`<${Qe} onLogin=${n} />`:i`<${Ct} session=${t} onLogout=${async()=>{await S("logout",{}),e(null)}} />`}Pe(i`<${Rt} />`,document.getElementById("app"));
