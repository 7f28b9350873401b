/**
 * Providers around the router: TanStack Query, antd's theme and locale (switching with the UI
 * language), and antd's `App` for toasts and modals.
 */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { errorInfoOf } from './api-errors';
import { router } from './routes';
import { theme } from './theme';

// A 401 on any request means the session ended (expired, signed out elsewhere): re-ask who is
// signed in, so guarded pages send the user to the login page instead of showing errors.
const onSessionLost = (error: unknown, key?: readonly unknown[]) => {
  if (errorInfoOf(error).status === 401 && key?.[0] !== 'me')
    void queryClient.invalidateQueries({ queryKey: ['me'] });
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onSessionLost(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onSessionLost(error) }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a network blip or 5xx might.
      retry: (failures, error) => {
        const { status } = errorInfoOf(error);
        return failures < 2 && (status === 0 || status >= 500);
      },
    },
  },
});

/** The whole web app. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={theme}
        // 注册, not 注 册: consoles here do not space two-character labels.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
