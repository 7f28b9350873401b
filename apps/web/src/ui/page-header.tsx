/**
 * The title block at the top of every page: breadcrumb, title, a line of explanation and actions.
 */
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One breadcrumb step; the last one has no link. */
export interface Crumb {
  title: string;
  to?: string;
}

/** Page title with optional breadcrumb, subtitle and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  crumbs,
  extra,
  tags,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  tags?: ReactNode;
}) {
  return (
    <header className="page-header">
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumb
          className="page-header__crumbs"
          items={crumbs.map((crumb) => ({
            title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
          }))}
        />
      ) : null}
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={3} className="page-header__title">
              {title}
            </Typography.Title>
            {tags}
          </Flex>
          {subtitle ? (
            <Typography.Paragraph type="secondary" className="page-header__subtitle">
              {subtitle}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </header>
  );
}
