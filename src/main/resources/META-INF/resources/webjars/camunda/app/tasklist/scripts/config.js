/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Fengqiao: Simplified Chinese (zh) is the default locale of this webapp.
//
// How the 7.24 webapps choose the locale (camunda-*-bootstrap.js, $translateProvider setup):
// they take the first browser language (navigator.languages[0], e.g. "en-US"), cut it at "-"
// and use it if that prefix is listed in locales.availableLocales; otherwise they use
// locales.fallbackLocale. There is no language menu in the UI. So fallbackLocale "zh" alone
// would still show English to an en-* browser and German to a de-* browser.
// To show Chinese to every browser we offer only one locale at a time: "zh" unless the user
// has explicitly chosen English or German by opening any webapp page once with ?locale=en or
// ?locale=de (remembered in this browser's localStorage; ?locale=zh switches back).
// The translations live in ../locales/zh.json (en.json and de.json come from the Camunda jar).
const FENGQIAO_LOCALES = ['zh', 'en', 'de'];
const FENGQIAO_LOCALE_KEY = 'fengqiao.webapp.locale';
const fengqiaoLocale = (function () {
  try {
    const requested = new URLSearchParams(window.location.search).get('locale');
    if (requested && FENGQIAO_LOCALES.indexOf(requested.toLowerCase()) > -1) {
      if (requested.toLowerCase() === 'zh') {
        window.localStorage.removeItem(FENGQIAO_LOCALE_KEY);
      } else {
        window.localStorage.setItem(FENGQIAO_LOCALE_KEY, requested.toLowerCase());
      }
    }
    const chosen = window.localStorage.getItem(FENGQIAO_LOCALE_KEY);
    return FENGQIAO_LOCALES.indexOf(chosen) > -1 ? chosen : 'zh';
  } catch (e) {
    return 'zh';
  }
})();

// Fengqiao: the product's name in the browser's tab instead of "Camunda Tasklist".
const FENGQIAO_TITLE = '枫桥 · 任务列表';
(function () {
  try {
    const fix = () => { if (document.title !== FENGQIAO_TITLE) document.title = FENGQIAO_TITLE; };
    fix();
    const title = document.querySelector('title');
    if (title) new MutationObserver(fix).observe(title, { childList: true, characterData: true, subtree: true });
  } catch (e) {
    // no DOM (tests reading this module): nothing to rename
  }
})();

// Fengqiao: a task's 历史 tab lists the engine's operation log and comments, which the centre's staff may not read
// (the log would show every case's); it only ever said "该任务没有历史记录". What happened on a case is the
// 办理经过 panel of every step's form (the domain's history), so the tab is hidden.
(function () {
  try {
    const HISTORY = ['历史', 'History', 'Verlauf'];
    const hide = () => document.querySelectorAll('ul.nav-tabs > li > a').forEach(a => {
      if (HISTORY.indexOf(a.textContent.trim()) > -1 && a.parentElement.style.display !== 'none') {
        a.parentElement.style.display = 'none';
      }
    });
    new MutationObserver(hide).observe(document.documentElement, { childList: true, subtree: true });
  } catch (e) {
    // no DOM (tests reading this module): nothing to hide
  }
})();

export default {
  // Fengqiao: see the comment above; availableLocales holds exactly the one locale to show.
  locales: {
    availableLocales: [fengqiaoLocale],
    fallbackLocale: fengqiaoLocale
  },

  // Fengqiao: the product's name in the header and on the login page
  app: {
    name: '任务列表',
    vendor: '枫桥'
  },

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到过滤器列表的第一项'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
