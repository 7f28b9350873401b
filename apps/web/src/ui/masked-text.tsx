/**
 * Personal information shown masked (脱敏) by default, with a toggle for a viewer entitled to the
 * full value (the applicant, a reviewer). Public pages receive masked values from the server and
 * never get this toggle.
 */
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { maskEmail, maskPersonName, maskPhone } from '@shuliu/core';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which masking rule applies to the value. */
export type MaskKind = 'phone' | 'email' | 'name';

function maskOf(kind: MaskKind, value: string): string {
  switch (kind) {
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'name':
      return maskPersonName(value);
  }
}

/** A value shown masked until the viewer asks to see it. */
export function MaskedText({ value, kind, testId }: { value: string; kind: MaskKind; testId?: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Space size={4}>
      <span data-testid={testId}>{shown ? value : maskOf(kind, value)}</span>
      <Button
        type="link"
        size="small"
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={() => setShown(!shown)}
        aria-label={shown ? t('masked.hide') : t('masked.show')}
      />
    </Space>
  );
}
