import './styles.css';
import { onUnauthorized } from './api/client.ts';
import { appShell } from './app-shell.ts';
import { clearCatalogCache } from './catalog-store.ts';
import { newConversation } from './chat-session.ts';
import { preloadChartLibrary } from './components/answer-chart.ts';
import { errorState, loadingState } from './components/states.ts';
import { onLangChange } from './i18n/i18n.ts';
import { currentRoute, navigate, onRouteChange, type Route } from './router.ts';
import { atRiskScreen } from './screens/at-risk.ts';
import { campaignsScreen } from './screens/campaigns.ts';
import { catalogScreen } from './screens/catalog.ts';
import { changePasswordScreen } from './screens/change-password.ts';
import { chatScreen } from './screens/chat.ts';
import { customerScreen } from './screens/customer.ts';
import { definitionEditorScreen } from './screens/definition-editor.ts';
import { homeScreen } from './screens/home.ts';
import { inboxScreen } from './screens/inbox.ts';
import { monitorEditorScreen } from './screens/monitor-editor.ts';
import { reviewQueueScreen } from './screens/review-queue.ts';
import { signInScreen } from './screens/sign-in.ts';
import { subscriptionsScreen } from './screens/subscriptions.ts';
import { tasksScreen } from './screens/tasks.ts';
import { currentUser, forgetSession, hasRole, restoreSession, signOut } from './session.ts';

const root = document.getElementById('app')!;

function afterSignIn(): void {
  const route = currentRoute();
  if (route.segments[0] === 'sign-in' || route.segments.length === 0) navigate('home', {}, true);
  else render(route);
}

async function leave(): Promise<void> {
  await signOut().catch(() => {});
  newConversation();
  clearCatalogCache();
  navigate('sign-in');
}

const SCREENS: Record<string, (outlet: HTMLElement, route: Route) => void> = {
  home: (outlet) => homeScreen(outlet),
  chat: chatScreen,
  catalog: (outlet) => catalogScreen(outlet),
  'at-risk': atRiskScreen,
  campaigns: campaignsScreen,
  tasks: (outlet) => tasksScreen(outlet),
  customer: customerScreen,
  editor: (outlet, route) =>
    hasRole('analyst') ? definitionEditorScreen(outlet, route) : navigate('home', {}, true),
  review: (outlet, route) =>
    hasRole('admin') ? reviewQueueScreen(outlet, route) : navigate('home', {}, true),
  password: (outlet) => changePasswordScreen(outlet, () => navigate('home')),
  inbox: (outlet) => inboxScreen(outlet),
  subscriptions: (outlet) => subscriptionsScreen(outlet),
  monitors: monitorEditorScreen,
};

/** Renders the screen of a route inside the shell (or the sign-in page when signed out). */
function render(route: Route): void {
  const user = currentUser();
  const name = route.segments[0] ?? 'home';
  if (!user) {
    const { element, outlet } = appShell('sign-in', leave);
    root.replaceChildren(element);
    signInScreen(outlet, afterSignIn);
    return;
  }
  const { element, outlet } = appShell(name, leave);
  root.replaceChildren(element);
  if (user.mustChangePassword) {
    changePasswordScreen(outlet, () => render(currentRoute()));
    return;
  }
  preloadChartLibrary();
  const screen = SCREENS[name];
  if (!screen) {
    navigate('home', {}, true);
    return;
  }
  screen(outlet, route);
}

onRouteChange(render);
onLangChange(() => render(currentRoute()));
onUnauthorized(() => {
  if (!currentUser()) return;
  forgetSession();
  render(currentRoute());
});

async function boot(): Promise<void> {
  root.replaceChildren(loadingState());
  try {
    await restoreSession();
    render(currentRoute());
  } catch (error) {
    root.replaceChildren(errorState(error, () => void boot()));
  }
}
void boot();
